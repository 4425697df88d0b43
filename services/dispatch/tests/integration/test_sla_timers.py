"""Dispatch's SLA clocks, reached by moving the service's clock: a ticket not answered in time
(``respond``), an offer nobody takes in time (``accept``), a technician not on site by the end
of the window and its grace (``arrival``), and a clock that ran out while no dispatch ran. Each
fires once, whichever replica gets there first, however the clock moves afterwards."""

import uuid
from datetime import datetime, timedelta

from sqlalchemy import select

from aftersales_testing.apps import SettableClock, drained, eventually
from aftersales_testing.factories import read_events
from dispatch.adapters.tables.timers import SlaTimerRow
from dispatch.use_cases.timers import fire_due

FAST = {"timer_poll_seconds": 0.1}
# The timers fire when a test calls them: the background pass waits an hour.
FIRED_BY_THE_TEST = {"timer_poll_seconds": 3600}


async def _breaches(nats_url, dispatch, job_id=None):
    found = await read_events(nats_url, "dispatch.sla.breached.v1", after=dispatch)
    return [b for b in found if job_id is None or b.data.job_id == uuid.UUID(job_id)]


async def _fire(dispatch) -> int:
    """One pass of the timer worker, as the service runs it."""
    return await fire_due(dispatch.db, policy=dispatch.app.state.policy)


async def _timer_states(dispatch, job_id, kind):
    async with dispatch.db.sessionmaker() as s:
        found = await s.scalars(
            select(SlaTimerRow.state).where(
                SlaTimerRow.job_id == uuid.UUID(job_id), SlaTimerRow.kind == kind
            )
        )
        return sorted(found)


async def test_each_clock_fires_once_even_with_two_replicas_running(
    start_service, flow_for, infrastructure
):
    url = infrastructure.broker_url
    clock = SettableClock()
    # Offers outlast the test: only the answers (``respond``) fall due.
    settings = {**FAST, "offer_timeout_seconds": 24 * 3600}
    async with (
        start_service("dispatch", clock=clock, **settings) as one,
        start_service("dispatch", clock=clock, **settings),
    ):
        flow = flow_for(one)
        point, _tech = await flow.point_with_technician(daily_capacity=50)
        respond_by = clock.now() + timedelta(hours=1)
        overdue = []
        for _ in range(10):
            env = await flow.ticket(respond_by=respond_by)
            overdue.append(str(env.data.ticket_id))
        for ticket_id in overdue:
            await flow.job_of(ticket_id, status="offered")
        assert await _breaches(url, one) == []

        clock.advance(timedelta(hours=1, minutes=1))

        async def all_breached():
            got = await _breaches(url, one)
            return len(got) >= 10 and got

        await eventually(all_breached)
        # A timer is marked fired in the transaction that stages its breach, and a pass takes
        # only pending ones: with every staged event published, no second firing can come.
        await drained(one)
        breaches = await _breaches(url, one)
        assert sorted(str(b.data.ticket_id) for b in breaches) == sorted(overdue)
        assert {b.data.sla for b in breaches} == {"respond"}
        assert {b.data.due_at for b in breaches} == {respond_by}
        assert {str(b.data.point_id) for b in breaches} == {point["id"]}


async def test_no_arrival_by_the_end_of_the_window_breaches_the_arrival_sla(
    start_service, flow_for, infrastructure
):
    clock = SettableClock()
    async with start_service("dispatch", clock=clock, **FAST) as dispatch:
        flow = flow_for(dispatch)
        job, _point, tech = await flow.scheduled_job()
        end = datetime.fromisoformat(job["appointment"]["end"])
        grace = dispatch.app.state.policy.arrival_grace
        clock.set(end + grace - timedelta(seconds=1))  # within the grace: no breach yet
        await _fire(dispatch)
        assert await _timer_states(dispatch, job["id"], "arrival") == ["pending"]

        clock.set(end + grace + timedelta(seconds=1))
        [breach] = await eventually(
            lambda: _breaches(infrastructure.broker_url, dispatch, job["id"])
        )
        assert breach.data.sla == "arrival" and breach.data.due_at == end
        assert breach.data.breached_at == end + grace + timedelta(seconds=1)
        # The technician arrives after all: late, but no second breach.
        me = flow.tech_auth(tech)
        await flow.report(job, "en_route", headers=me)
        r = await flow.report(job, "on_site", headers=me)
        assert r.json()["arrived_late_minutes"] == 31  # started minutes past the window
        await drained(dispatch)
        assert len(await _breaches(infrastructure.broker_url, dispatch, job["id"])) == 1


async def test_a_clock_that_ran_out_while_the_service_was_down_fires_when_it_is_back(
    start_service, flow_for, infrastructure
):
    clock = SettableClock()
    async with start_service("dispatch", clock=clock, **FAST) as dispatch:
        flow = flow_for(dispatch)
        first, _ = await flow.point_with_technician(code="P-1")
        second, _ = await flow.point_with_technician(code="P-2")
        env = await flow.ticket()
        job = await flow.job_of(env.data.ticket_id, status="offered")
        assert job["point_id"] == first["id"]
        offer_timeout = dispatch.app.state.policy.offer_timeout
    clock.advance(offer_timeout + timedelta(minutes=1))  # the offer expires while none runs
    async with start_service("dispatch", clock=clock, **FAST) as dispatch:
        flow = flow_for(dispatch)

        async def moved():
            current = await flow.get(job)
            return current["point_id"] == second["id"] and current

        await eventually(moved)
        await drained(dispatch)
        # The clock stands still since: the second point's offer has all its time left.
        breaches = await _breaches(infrastructure.broker_url, dispatch, job["id"])
        assert [(b.data.sla, str(b.data.point_id)) for b in breaches] == [("accept", first["id"])]


async def _fires_once_however_the_clock_moves(
    dispatch, clock, url, job_id, sla, *, before, fired_at, again
):
    """Past the deadline, back before it, and past it again: one breach, one fired timer."""
    clock.set(fired_at)
    await _fire(dispatch)

    async def breached():
        return [b for b in await _breaches(url, dispatch, job_id) if b.data.sla == sla]

    await eventually(breached)  # the breach is in the stream
    clock.set(before)  # back before the deadline: nothing is due
    await _fire(dispatch)
    clock.set(again)  # and past it again
    await _fire(dispatch)
    await drained(dispatch)
    assert [b.data.breached_at for b in await breached()] == [fired_at], sla
    assert "fired" in await _timer_states(dispatch, job_id, sla)
    return await breached()


async def test_a_missed_answer_is_breached_once_however_the_clock_moves(
    start_service, flow_for, infrastructure
):
    clock = SettableClock()
    start = clock.now()
    async with start_service("dispatch", clock=clock, **FIRED_BY_THE_TEST) as dispatch:
        flow = flow_for(dispatch)
        env = await flow.ticket(respond_by=start + timedelta(hours=1))  # no point: unrouted
        job = await flow.job_of(env.data.ticket_id, status="unrouted")
        [breach] = await _fires_once_however_the_clock_moves(
            dispatch,
            clock,
            infrastructure.broker_url,
            job["id"],
            "respond",
            before=start,
            fired_at=start + timedelta(hours=1, minutes=1),
            again=start + timedelta(hours=7),
        )
        assert breach.data.due_at == start + timedelta(hours=1)
        assert await _timer_states(dispatch, job["id"], "respond") == ["fired"]


async def test_an_expired_offer_is_breached_and_moved_on_once_however_the_clock_moves(
    start_service, flow_for, infrastructure
):
    url = infrastructure.broker_url
    clock = SettableClock()
    start = clock.now()
    async with start_service("dispatch", clock=clock, **FIRED_BY_THE_TEST) as dispatch:
        flow = flow_for(dispatch)
        first, _ = await flow.point_with_technician(code="P-1")
        second, _ = await flow.point_with_technician(code="P-2")
        env = await flow.ticket()
        job = await flow.job_of(env.data.ticket_id, status="offered")
        assert job["point_id"] == first["id"]
        fired_at = start + dispatch.app.state.policy.offer_timeout + timedelta(minutes=1)
        [breach] = await _fires_once_however_the_clock_moves(
            dispatch,
            clock,
            url,
            job["id"],
            "accept",
            before=start,
            # Past the first offer's expiry again, within the second offer's time.
            fired_at=fired_at,
            again=fired_at + timedelta(minutes=1),
        )
        assert str(breach.data.point_id) == first["id"]
        current = await flow.get(job)
        assert (current["status"], current["point_id"], current["attempt"]) == (
            "offered",
            second["id"],
            2,
        )
        declined = await read_events(url, "dispatch.job.offer_declined.v1", after=dispatch)
        assert [(d.data.expired, str(d.data.point_id)) for d in declined] == [(True, first["id"])]
        assert await _timer_states(dispatch, job["id"], "accept") == ["fired", "pending"]


async def test_a_missed_arrival_is_breached_once_however_the_clock_moves(
    start_service, flow_for, infrastructure
):
    clock = SettableClock()
    start = clock.now()
    async with start_service("dispatch", clock=clock, **FIRED_BY_THE_TEST) as dispatch:
        flow = flow_for(dispatch)
        job, _point, _tech = await flow.scheduled_job()
        end = datetime.fromisoformat(job["appointment"]["end"])
        fired_at = end + dispatch.app.state.policy.arrival_grace + timedelta(minutes=1)
        [breach] = await _fires_once_however_the_clock_moves(
            dispatch,
            clock,
            infrastructure.broker_url,
            job["id"],
            "arrival",
            before=start,
            fired_at=fired_at,
            again=fired_at + timedelta(hours=6),
        )
        assert breach.data.due_at == end
        assert await _timer_states(dispatch, job["id"], "arrival") == ["fired"]
