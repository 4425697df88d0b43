"""A complaint call opens its complaint; a refund withdraws the callback; the quality report
finds faults by model, batch and code. (Late callbacks, which count against the centre: in
test_deadlines.py.)"""

import uuid
from datetime import UTC, datetime

import asyncpg

from aftersales.events import intake
from aftersales_testing.apps import SettableClock, eventually
from aftersales_testing.factories import publish_raw, read_events, ticket_created
from intake.domain.event_catalogue import copies


async def test_a_complaint_call_becomes_a_complaint_once(
    start_service, desk_for, infrastructure, admin_dsn
):
    async with start_service("feedback") as fb:
        desk = desk_for(fb)
        env = ticket_created(kind="complaint", description="the technician was rude")
        await publish_raw(infrastructure.broker_url, env)
        # The same ticket's v1, still in the stream from before one version went on the bus,
        # is read as the ticket it is: no second complaint.
        [v1] = copies(env, ["intake.ticket.created.v1"])
        await publish_raw(infrastructure.broker_url, v1)

        async def handled():  # the barrier: feedback's inbox has taken the v1
            conn = await asyncpg.connect(admin_dsn)
            try:
                return await conn.fetchval(
                    "SELECT count(*) FROM feedback.inbox WHERE event_id = $1", v1.id
                )
            finally:
                await conn.close()

        await eventually(handled)
        r = await fb.client.get("/v1/complaints", headers=desk.agent)
        mine = [c for c in r.json()["items"] if c["ticket_id"] == str(env.data.ticket_id)]
        assert len(mine) == 1
        assert mine[0]["source"] == "ticket" and mine[0]["text"] == "the technician was rude"
        opened = await read_events(
            infrastructure.broker_url, "feedback.complaint.opened.v1", after=fb
        )
        assert [e.data.ticket_id for e in opened].count(env.data.ticket_id) == 1


async def test_a_refund_withdraws_the_callback_still_due(start_service, desk_for, infrastructure):
    async with start_service("feedback") as fb:
        desk = desk_for(fb)
        ticket = await desk.ticket()
        job = await desk.complete(ticket.data.ticket_id)
        callback = await desk.callback_of(job.job_id)
        await desk.publish(
            intake.TicketClosed(
                ticket_id=ticket.data.ticket_id,
                number=ticket.data.number,
                closure_reason="refunded",
                note="refund: dead on arrival",
                closed_at=datetime.now(UTC),
            ),
            "intake",
            ticket.data.ticket_id,
        )

        async def withdrawn():
            r = await fb.client.get(f"/v1/callbacks/{callback['id']}", headers=desk.agent)
            return r.json() if r.json()["status"] == "withdrawn" else None

        await eventually(withdrawn)
        late = await desk.result(callback, reached=True, outcome="unsatisfied", score=1)
        assert late.status_code == 409  # no callback loop for a refunded product


async def test_the_quality_report_groups_faults_by_model_batch_and_code(start_service, desk_for):
    # Jobs done on 20 May 2026 in Shanghai, whatever the hour the test runs at.
    clock = SettableClock(datetime(2026, 5, 20, 3, 0, tzinfo=UTC))
    async with start_service("feedback", clock=clock) as fb:
        desk = desk_for(fb)
        for serial, cause in (("AB1234-001", "PUMP"), ("AB1234-002", "PUMP"), ("CD9999-1", "BELT")):
            ticket = await desk.ticket()
            job = desk.completed(
                ticket.data.ticket_id,
                model="XQB70",
                serial_no=serial,
                symptom_code="E1",
                cause_code=cause,
                action_code="REPLACE",
            )
            await desk.publish(job, "dispatch", job.job_id)
            await desk.callback_of(job.job_id)
        month = "2026-05"
        r = await fb.client.get(
            "/v1/reports/quality", params={"from": month, "to": month}, headers=desk.agent
        )
        assert r.status_code == 200, r.text
        faults = {(f["batch"], f["cause_code"]): f["jobs"] for f in r.json()["faults"]}
        assert faults == {("AB1234", "PUMP"): 2, ("CD9999", "BELT"): 1}
        assert uuid.UUID(str(desk.point_id))


async def test_a_complaints_reply_is_published_once_with_whether_it_was_in_time(
    start_service, desk_for, infrastructure
):
    async with start_service("feedback") as fb:
        desk = desk_for(fb)
        ticket = await desk.ticket()
        opened = await fb.client.post(
            "/v1/complaints",
            json={"ticket_id": str(ticket.data.ticket_id), "text": "waited all day"},
            headers=desk.agent,
        )
        assert opened.status_code == 201, opened.text
        complaint = opened.json()
        r = await fb.client.post(
            f"/v1/complaints/{complaint['id']}/reply",
            json={"text": "We are sorry; a senior technician comes tomorrow."},
            headers=desk.agent,
        )
        assert r.status_code == 200, r.text
        await fb.client.post(
            f"/v1/complaints/{complaint['id']}/resolve",
            json={"substantiated": False, "resolution": "explained"},
            headers=desk.agent,
        )

        async def replied():
            found = await read_events(
                infrastructure.broker_url, "feedback.complaint.replied.v1", after=fb
            )
            mine = [e.data for e in found if str(e.data.complaint_id) == complaint["id"]]
            resolved = await read_events(
                infrastructure.broker_url, "feedback.complaint.resolved.v1", after=fb
            )
            done = any(str(e.data.complaint_id) == complaint["id"] for e in resolved)
            return mine if done else None

        [event] = await eventually(replied)  # resolving after the reply answers nothing new
        assert event.in_time is True
