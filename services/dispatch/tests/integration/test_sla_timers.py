import asyncio
import uuid
from datetime import UTC, datetime, timedelta

from aftersales.testing.apps import drained, eventually
from aftersales.testing.factories import read_events, soon

FAST = {"timer_poll_seconds": 0.1, "arrival_grace_seconds": 0}


async def _breaches(nats_url, dispatch, job_id=None):
    found = await read_events(nats_url, "dispatch.sla.breached.v1", after=dispatch)
    return [b for b in found if job_id is None or b.data.job_id == uuid.UUID(job_id)]


async def test_each_clock_fires_once_even_with_two_replicas_running(
    start_service, flow_for, infrastructure
):
    url = infrastructure.broker_url
    async with start_service("dispatch", **FAST) as one, start_service("dispatch", **FAST):
        flow = flow_for(one)
        point, _tech = await flow.point_with_technician(daily_capacity=50)
        overdue = []
        for _ in range(10):
            env = await flow.ticket(respond_by=datetime.now(UTC) - timedelta(minutes=1))
            overdue.append(str(env.data.ticket_id))

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
        assert {str(b.data.point_id) for b in breaches} == {point["id"]}


async def test_no_arrival_by_the_end_of_the_window_breaches_the_arrival_sla(
    start_service, flow_for, infrastructure
):
    async with start_service("dispatch", **FAST) as dispatch:
        flow = flow_for(dispatch)
        job, point, tech = await flow.scheduled_job()
        r = await flow.post(
            job,
            "assign",
            {
                "technician_id": tech["id"],
                "reason": "technician free earlier",
                "appointment": {"start": soon(0.0001).isoformat(), "end": soon(0.0003).isoformat()},
            },
            headers=flow.point_auth(point),
        )
        end = datetime.fromisoformat(r.json()["appointment"]["end"])
        [breach] = await eventually(
            lambda: _breaches(infrastructure.broker_url, dispatch, job["id"])
        )
        assert breach.data.sla == "arrival" and breach.data.due_at == end
        # The technician arrives after all: late, but no second breach.
        me = flow.tech_auth(tech)
        await flow.report(job, "en_route", headers=me)
        r = await flow.report(job, "on_site", headers=me)
        assert r.json()["arrived_late_minutes"] >= 1
        assert len(await _breaches(infrastructure.broker_url, dispatch, job["id"])) == 1


async def test_a_clock_that_ran_out_while_the_service_was_down_fires_when_it_is_back(
    start_service, flow_for, infrastructure
):
    settings = {"offer_timeout_seconds": 2.0, "timer_poll_seconds": 0.1}
    async with start_service("dispatch", **settings) as dispatch:
        flow = flow_for(dispatch)
        first, _ = await flow.point_with_technician(code="P-1")
        second, _ = await flow.point_with_technician(code="P-2")
        env = await flow.ticket()
        job = await flow.job_of(env.data.ticket_id, status="offered")
        assert job["point_id"] == first["id"]
    await asyncio.sleep(2.5)  # the offer expires while no dispatch runs
    async with start_service("dispatch", **settings) as dispatch:
        flow = flow_for(dispatch)

        async def moved():
            current = await flow.get(job)
            return current["point_id"] == second["id"] and current

        await eventually(moved)
        # (The second point's own 2 s offer may run out too on a slow machine: its breach is
        # its own; the first point's missed offer is breached exactly once.)
        breaches = await _breaches(infrastructure.broker_url, dispatch, job["id"])
        [breach] = [b for b in breaches if str(b.data.point_id) == first["id"]]
        assert breach.data.sla == "accept"
