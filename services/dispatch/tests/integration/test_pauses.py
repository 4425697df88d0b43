"""Paused clocks: the ticket's pause stops the job's SLA clocks, and a point can pause its job;
resuming continues each clock where it stopped. Visits go to the product's site."""

import uuid
from datetime import UTC, datetime, timedelta

import asyncpg

from aftersales.events import Envelope, intake
from aftersales_testing.apps import SettableClock, drained, eventually
from aftersales_testing.factories import publish_raw, read_events, ticket_created
from dispatch.use_cases.timers import fire_due
from intake.domain.event_catalogue import copies

FAST = {"timer_poll_seconds": 0.1}


async def _sla(flow, job):
    r = await flow.dispatch.client.get(f"/v1/jobs/{job['id']}/sla", headers=flow.agent)
    return {t["kind"]: t for t in r.json()["timers"]}


async def _ticket_event(url, data, version):
    env = Envelope.wrap(
        data, source="intake", aggregate_id=data.ticket_id, aggregate_version=version
    )
    await publish_raw(url, env)


async def test_a_paused_ticket_does_not_breach_and_resumes_where_it_stopped(
    start_service, flow_for, infrastructure
):
    url = infrastructure.broker_url
    clock = SettableClock()
    async with start_service("dispatch", clock=clock, **FAST) as dispatch:
        flow = flow_for(dispatch)
        due = clock.now() + timedelta(hours=1)
        paused = await flow.ticket(respond_by=due)
        job = await flow.job_of(paused.data.ticket_id)
        paused_at = clock.now()
        await _ticket_event(
            url,
            intake.TicketPaused(
                ticket_id=paused.data.ticket_id,
                reason="awaiting_customer",
                paused_by="agent:test@centre",
                paused_at=paused_at,
            ),
            2,
        )

        async def stopped():
            return (await _sla(flow, job))["respond"]["state"] == "paused"

        await eventually(stopped)
        running = await flow.ticket(respond_by=due)
        await flow.job_of(running.data.ticket_id)
        clock.set(due + timedelta(minutes=1))

        async def barrier():  # the unpaused ticket, due at the same moment, has breached
            found = await read_events(url, "dispatch.sla.breached.v1", after=dispatch)
            return [b.data for b in found if b.data.ticket_id == running.data.ticket_id]

        await eventually(barrier)
        breaches = await read_events(url, "dispatch.sla.breached.v1", after=dispatch)
        assert paused.data.ticket_id not in {b.data.ticket_id for b in breaches}
        assert (await flow.get(job))["pause"]["reason"] == "awaiting_customer"

        resumed_at = paused_at + timedelta(hours=2)
        await _ticket_event(
            url,
            intake.TicketResumed(
                ticket_id=paused.data.ticket_id,
                paused_at=paused_at,
                resumed_at=resumed_at,
                paused_seconds=7200,
                resumed_by="agent:test@centre",
            ),
            3,
        )

        async def running_again():
            respond = (await _sla(flow, job))["respond"]
            return respond if respond["state"] == "pending" else None

        respond = await eventually(running_again)
        assert datetime.fromisoformat(respond["due_at"]) - due == timedelta(hours=2)
        assert (await flow.get(job))["pause"] is None


async def test_a_point_pauses_its_job_and_intake_hears_of_it(
    start_service, flow_for, infrastructure
):
    url = infrastructure.broker_url
    async with start_service("dispatch", **FAST) as dispatch:
        flow = flow_for(dispatch)
        job, point, tech = await flow.scheduled_job()
        mine = flow.point_auth(point)
        body = {"reason": "awaiting_parts", "note": "compressor ordered"}
        as_tech = await flow.post(job, "pause", body, headers=flow.tech_auth(tech))
        assert as_tech.status_code == 403
        other_point = flow.dispatch.auth("point", point_id=uuid.uuid4())
        assert (await flow.post(job, "pause", body, headers=other_point)).status_code == 404
        r = await flow.post(job, "pause", body, headers=mine)
        assert r.status_code == 200, r.text
        assert r.json()["pause"]["reason"] == "awaiting_parts"
        assert (await _sla(flow, job))["arrival"]["state"] == "paused"
        twice = await flow.post(job, "pause", body, headers=mine)
        assert twice.status_code == 409

        r = await flow.post(job, "resume", headers=mine)
        assert r.status_code == 200 and r.json()["pause"] is None
        assert (await flow.post(job, "resume", headers=mine)).status_code == 409
        assert (await _sla(flow, job))["arrival"]["state"] == "pending"

        async def told():
            paused = await read_events(url, "dispatch.job.paused.v1", after=dispatch)
            resumed = await read_events(url, "dispatch.job.resumed.v1", after=dispatch)
            mine = [e for e in paused + resumed if str(e.data.job_id) == job["id"]]
            return len(mine) == 2 and mine

        events = await eventually(told)
        assert (
            events[0].data.reason == "awaiting_parts"
            and events[0].data.note == "compressor ordered"
        )


async def test_the_visit_goes_to_the_products_site(
    start_service, flow_for, infrastructure, admin_dsn
):
    async with start_service("dispatch") as dispatch:
        flow = flow_for(dispatch)
        home, _ = await flow.point_with_technician(regions=["440305"])
        site, _ = await flow.point_with_technician(regions=["330106"])
        env = ticket_created(
            site={"region": "330106", "city": "Hangzhou", "line": "9 West Lake Road"}
        )
        await publish_raw(infrastructure.broker_url, env)
        job = await flow.job_of(env.data.ticket_id, status="offered")
        assert job["region"] == "330106" and job["point_id"] == site["id"] != home["id"]
        assert job["customer"]["city"] == "Hangzhou"
        # The same ticket's v1, still in the stream from before one version went on the bus,
        # is read as the ticket it is: no second job.
        [v1] = copies(env, ["intake.ticket.created.v1"])
        await publish_raw(infrastructure.broker_url, v1)

        async def handled():  # the barrier: dispatch's inbox has taken the v1
            conn = await asyncpg.connect(admin_dsn)
            try:
                return await conn.fetchval(
                    "SELECT count(*) FROM dispatch.inbox WHERE event_id = $1", v1.id
                )
            finally:
                await conn.close()

        await eventually(handled)

        async def jobs():
            r = await dispatch.client.get(
                "/v1/jobs", params={"ticket_id": str(env.data.ticket_id)}, headers=flow.agent
            )
            return r.json()["items"]

        assert len(await jobs()) == 1


async def test_a_phone_solution_the_callback_disputes_gets_a_first_visit(
    start_service, flow_for, infrastructure
):
    async with start_service("dispatch") as dispatch:
        flow = flow_for(dispatch)
        point, _ = await flow.point_with_technician()
        env = ticket_created(kind="consultation", needs_visit=False)
        await publish_raw(infrastructure.broker_url, env)
        reopened = intake.TicketReopened(
            ticket_id=env.data.ticket_id,
            reason="unsatisfied",
            callback_id=uuid.uuid4(),
            previous_job_id=None,
            reopen_count=1,
            reopened_at=datetime.now(UTC),
        )
        await _ticket_event(infrastructure.broker_url, reopened, 5)
        job = await flow.job_of(env.data.ticket_id, status="offered")
        assert (job["visit_number"], job["point_id"]) == (1, point["id"])
        respond = (await _sla(flow, job))["respond"]
        assert respond["state"] == "pending"  # the reopened request is answered anew


async def test_a_fired_clock_stays_fired_when_the_ticket_pauses_and_the_clock_moves_back(
    start_service, flow_for, infrastructure
):
    """A pause stops only running clocks: one that has fired is not revived by the pause and
    the resume, wherever the clock stands."""
    url = infrastructure.broker_url
    clock = SettableClock()
    start = clock.now()
    async with start_service("dispatch", clock=clock, timer_poll_seconds=3600) as dispatch:
        flow = flow_for(dispatch)
        due = start + timedelta(hours=1)
        env = await flow.ticket(respond_by=due)
        job = await flow.job_of(env.data.ticket_id)
        policy = dispatch.app.state.policy

        async def breaches():
            found = await read_events(url, "dispatch.sla.breached.v1", after=dispatch)
            return [b.data for b in found if b.data.ticket_id == env.data.ticket_id]

        fired_at = due + timedelta(minutes=1)
        clock.set(fired_at)
        await fire_due(dispatch.db, policy=policy)
        await eventually(breaches)
        assert (await _sla(flow, job))["respond"]["state"] == "fired"

        clock.set(start)  # back before the deadline, and the ticket pauses and resumes
        paused_at = start + timedelta(minutes=5)
        pause = intake.TicketPaused(
            ticket_id=env.data.ticket_id,
            reason="awaiting_customer",
            paused_by="agent:test@centre",
            paused_at=paused_at,
        )
        await _ticket_event(url, pause, 2)

        async def paused():
            return (await flow.get(job))["pause"]

        await eventually(paused)
        resume = intake.TicketResumed(
            ticket_id=env.data.ticket_id,
            paused_at=paused_at,
            resumed_at=paused_at + timedelta(minutes=10),
            paused_seconds=600,
            resumed_by="agent:test@centre",
        )
        await _ticket_event(url, resume, 3)

        async def running():
            return (await flow.get(job))["pause"] is None

        await eventually(running)
        assert (await _sla(flow, job))["respond"]["state"] == "fired"
        clock.set(due + timedelta(hours=6))  # and past the deadline, shifted or not, again
        await fire_due(dispatch.db, policy=policy)
        await drained(dispatch)
        assert [b.breached_at for b in await breaches()] == [fired_at]
