"""Every request ends satisfied: a bad attitude or a complaint on a callback opens a complaint
for checking, once; a resolved complaint is called back until the customer is satisfied, each
other outcome reopening it with fresh clocks; a refund's callback is recorded and reopens
nothing."""

import uuid
from datetime import datetime, timedelta

from aftersales.events import intake as intake_events
from aftersales_testing.apps import SettableClock, eventually, handled
from aftersales_testing.factories import publish_raw, read_events


async def test_a_bad_attitude_on_a_callback_opens_one_conduct_complaint_for_checking(
    start_service, desk_for, infrastructure
):
    async with start_service("feedback") as feedback:
        desk = desk_for(feedback)
        ticket = await desk.ticket()
        ticket_id = ticket.data.ticket_id
        cb = await desk.callback_of((await desk.complete(ticket_id)).job_id)
        key = {**desk.agent, "Idempotency-Key": str(uuid.uuid4())}
        body = {"reached": True, "outcome": "bad_attitude", "score": 1, "comment": "shouted"}
        first = await desk.result(cb, headers=key, **body)
        again = await desk.result(cb, headers=key, **body)  # the same request sent twice
        assert first.status_code == again.status_code == 200, again.text
        assert (await desk.result(cb, **body)).status_code == 409
        [complaint] = await desk.complaints_of(ticket_id)
        assert (complaint["category"], complaint["callback_id"], complaint["source"]) == (
            "conduct",
            cb["id"],
            "callback",
        )
        assert complaint["technician_id"] == complaint["staff_id"] == str(desk.technician_id)
        assert complaint["text"] == "shouted"
        [opened] = await read_events(
            infrastructure.broker_url, "feedback.complaint.opened.v1", after=feedback
        )
        assert (str(opened.data.callback_id), opened.data.category) == (cb["id"], "conduct")

        # A complaint on the callback is checked too: conduct, unless the check says otherwise.
        other = await desk.ticket()
        cb2 = await desk.callback_of((await desk.complete(other.data.ticket_id)).job_id)
        r = await desk.result(cb2, reached=True, outcome="complaint", score=2)
        assert r.status_code == 200, r.text
        [checked] = await desk.complaints_of(other.data.ticket_id)
        assert (checked["category"], checked["callback_id"]) == ("conduct", cb2["id"])


async def _complaint_ticket(desk):
    """A complaint call: feedback opens its complaint as soon as it hears of the ticket."""
    ticket = await desk.ticket(kind="complaint", needs_visit=False)
    await handled(desk.feedback, ticket)
    [complaint] = await desk.complaints_of(ticket.data.ticket_id)
    return ticket.data.ticket_id, complaint


async def test_a_resolved_complaint_is_called_back_until_the_customer_is_satisfied(
    start_service, desk_for, infrastructure
):
    clock = SettableClock()
    async with start_service("feedback", clock=clock) as feedback:
        desk = desk_for(feedback)
        ticket_id, complaint = await _complaint_ticket(desk)
        cid = uuid.UUID(complaint["id"])
        resolve = f"/v1/complaints/{cid}/resolve"
        done = {"substantiated": False, "resolution": "apologised, refunded the call-out"}
        r = await feedback.client.post(resolve, json=done, headers=desk.agent)
        assert r.status_code == 200, r.text

        asked = await desk.request_callback(ticket_id, "complaint_resolved", complaint_id=cid)
        # The same request delivered again, and intake asking twice: still one call.
        await publish_raw(desk.nats_url, asked, msg_id=str(uuid.uuid4()))
        await handled(feedback, asked)
        await desk.request_callback(ticket_id, "complaint_resolved", complaint_id=cid)
        [call] = await desk.callbacks_of(ticket_id)
        assert (call["reason"], call["complaint_id"], call["job_id"]) == (
            "complaint_resolved",
            str(cid),
            None,
        )
        not_fixed = await desk.result(call, reached=True, outcome="not_fixed_first_visit")
        assert not_fixed.status_code == 422

        # Two days on, the customer is still unhappy: the complaint is open again, with fresh
        # clocks from the call.
        clock.advance(timedelta(days=2))
        r = await desk.result(call, reached=True, outcome="unsatisfied", score=2)
        assert r.status_code == 200, r.text
        reopened = (await feedback.client.get(f"/v1/complaints/{cid}", headers=desk.agent)).json()
        assert (reopened["status"], reopened["reopen_count"], reopened["resolution"]) == (
            "open",
            1,
            None,
        )
        assert datetime.fromisoformat(reopened["reply_by"]) == clock.now() + timedelta(hours=24)
        assert datetime.fromisoformat(reopened["resolve_by"]) == clock.now() + timedelta(days=30)
        # The earlier finding stands until the centre resolves it again (grades and rewards
        # keep counting it as they did).
        assert reopened["substantiated"] is False
        recorded = await read_events(
            infrastructure.broker_url, "feedback.callback.recorded.v2", after=feedback
        )
        assert [(e.data.reason, str(e.data.complaint_id), e.data.outcome) for e in recorded] == [
            ("complaint_resolved", str(cid), "unsatisfied")
        ]
        # A late copy of a request while the complaint is open asks for nothing.
        await desk.request_callback(ticket_id, "complaint_resolved", complaint_id=cid)
        assert len(await desk.callbacks_of(ticket_id)) == 1

        r = await feedback.client.post(resolve, json=done, headers=desk.agent)
        assert r.status_code == 200, r.text
        await desk.request_callback(ticket_id, "complaint_resolved", complaint_id=cid)
        calls = await desk.callbacks_of(ticket_id)
        [second] = [c for c in calls if c["id"] != call["id"]]
        r = await desk.result(second, reached=True, outcome="satisfied", score=5)
        assert r.status_code == 200, r.text
        final = (await feedback.client.get(f"/v1/complaints/{cid}", headers=desk.agent)).json()
        assert (final["status"], final["reopen_count"]) == ("resolved", 1)


async def test_a_refunds_callback_is_recorded_may_open_a_complaint_and_reopens_nothing(
    start_service, desk_for
):
    async with start_service("feedback") as feedback:
        desk = desk_for(feedback)
        ticket = await desk.ticket()
        ticket_id = ticket.data.ticket_id
        job = await desk.complete(ticket_id)
        job_call = await desk.callback_of(job.job_id)
        closed = await desk.publish(
            intake_events.TicketClosed(
                ticket_id=ticket_id,
                number=ticket.data.number,
                closure_reason="refunded",
                note="refunded",
                closed_at=desk.now(),
            ),
            "intake",
            ticket_id,
        )
        await handled(feedback, closed)
        await desk.request_callback(ticket_id, "refunded", kind="repair")
        await desk.request_callback(ticket_id, "refunded", kind="repair")  # asked twice: once

        async def settled():
            calls = {c["reason"]: c for c in await desk.callbacks_of(ticket_id)}
            return len(calls) == 2 and calls

        calls = await eventually(settled)
        assert calls["job"]["id"] == job_call["id"] and calls["job"]["status"] == "withdrawn"
        refund = calls["refunded"]
        assert refund["status"] == "due"
        gone = await desk.result(refund, reached=True, outcome="not_fixed_repeat")
        assert gone.status_code == 422  # no visit to be not fixed: the product has gone
        r = await desk.result(refund, reached=True, outcome="bad_attitude", score=1)
        assert r.status_code == 200 and r.json()["status"] == "done"
        [complaint] = await desk.complaints_of(ticket_id)
        # About the ticket's latest visit, for checking; nothing was reopened.
        assert (complaint["category"], complaint["status"], complaint["technician_id"]) == (
            "conduct",
            "open",
            str(desk.technician_id),
        )
        assert complaint["reopen_count"] == 0
