"""Every request ends satisfied, or says why not (section 4.2.2): a complaint ticket is not
closed when its complaint is resolved; the customer is called back, and only a satisfied
callback closes it. A refunded or replaced ticket is called back too, and its outcome never
reopens it."""

import uuid
from datetime import UTC, date, datetime, timedelta

from aftersales.events import Envelope, feedback
from aftersales_testing.apps import drained, eventually, handled
from aftersales_testing.factories import (
    make_customer,
    make_product,
    make_ticket,
    publish_raw,
    read_events,
)

REQUESTED = "intake.ticket.callback_requested.v1"
TECH = uuid.uuid4()


def from_feedback(data, aggregate_id=None, version=1):
    return Envelope.wrap(
        data,
        source="feedback",
        aggregate_id=aggregate_id or uuid.uuid4(),
        aggregate_version=version,
    )


def called_back(ticket_id, outcome, reason=None):
    """A reached callback with no job; ``reason`` as feedback gives it (None: as a producer
    from before the field, intake goes by what it asked for)."""
    return from_feedback(
        feedback.CallbackRecorded(
            callback_id=uuid.uuid4(),
            ticket_id=ticket_id,
            reached=True,
            outcome=outcome,
            score=5 if outcome == "satisfied" else 2,
            recorded_at=datetime.now(UTC),
            reason=reason,
        )
    )


async def requests_for(infrastructure, intake, ticket_id):
    events = await read_events(infrastructure.broker_url, REQUESTED, after=intake)
    return [e.data for e in events if e.data.ticket_id == ticket_id]


async def ticket_where(intake, ticket_id, check):
    async def found():
        r = await intake.client.get(f"/v1/tickets/{ticket_id}", headers=intake.auth())
        return r.json() if check(r.json()) else None

    return await eventually(found)


async def test_a_complaint_ticket_ends_when_the_customer_is_satisfied(
    start_service, infrastructure
):
    url = infrastructure.broker_url
    async with start_service("intake") as intake:
        ticket = await make_ticket(intake, kind="complaint", description="rude technician")
        tid, complaint = uuid.UUID(ticket["id"]), uuid.uuid4()
        now = datetime.now(UTC)
        await publish_raw(
            url,
            from_feedback(
                feedback.ComplaintOpened(
                    complaint_id=complaint,
                    ticket_id=tid,
                    reply_by=now + timedelta(hours=24),
                    resolve_by=now + timedelta(days=30),
                    opened_at=now,
                ),
                complaint,
                1,
            ),
        )

        def resolved(at, version):
            return from_feedback(
                feedback.ComplaintResolved(
                    complaint_id=complaint,
                    ticket_id=tid,
                    technician_id=TECH,
                    substantiated=True,
                    resolution="apologised; technician warned",
                    resolved_at=at,
                ),
                complaint,
                version,
            )

        first = resolved(now + timedelta(hours=2), 3)
        await publish_raw(url, first)

        async def asked(n):
            found = await requests_for(infrastructure, intake, tid)
            return found if len(found) == n else None

        [request] = await eventually(lambda: asked(1))
        assert (request.reason, request.complaint_id) == ("complaint_resolved", complaint)
        still = await intake.client.get(f"/v1/tickets/{tid}", headers=intake.auth())
        assert still.json()["closure_reason"] is None and still.json()["status"] == "open"
        assert still.json()["complaint_id"] == str(complaint)

        # The resolution delivered again (the same event, another message): asked once.
        await publish_raw(url, first, msg_id=str(uuid.uuid4()))
        await drained(intake)
        assert len(await requests_for(infrastructure, intake, tid)) == 1

        # Not satisfied: recorded, the ticket stays open (feedback reopens the complaint).
        unhappy = called_back(tid, "unsatisfied")
        await publish_raw(url, unhappy)
        await handled(intake, unhappy)
        open_ = (await intake.client.get(f"/v1/tickets/{tid}", headers=intake.auth())).json()
        assert open_["status"] == "open" and open_["closure_reason"] is None
        assert open_["callback"]["outcome"] == "unsatisfied"

        # Resolved again: called back again; satisfied at last, the ticket ends.
        await publish_raw(url, resolved(now + timedelta(days=3), 5))
        [_, again] = await eventually(lambda: asked(2))
        assert again.reason == "complaint_resolved"
        await publish_raw(url, called_back(tid, "satisfied", "complaint_resolved"))
        ended = await ticket_where(intake, tid, lambda t: t["closure_reason"] is not None)
        assert (ended["status"], ended["closure_reason"]) == ("closed", "satisfied")
        closed = await read_events(url, "intake.ticket.closed.v2", after=intake)
        assert [e.data.closure_reason for e in closed if e.data.ticket_id == tid] == ["satisfied"]


async def test_an_unreachable_customer_ends_the_complaint_ticket_unreachable(
    start_service, infrastructure
):
    url = infrastructure.broker_url
    async with start_service("intake") as intake:
        ticket = await make_ticket(intake, kind="complaint")
        tid, complaint = uuid.UUID(ticket["id"]), uuid.uuid4()
        now = datetime.now(UTC)
        opened = feedback.ComplaintOpened(
            complaint_id=complaint,
            ticket_id=tid,
            reply_by=now + timedelta(hours=24),
            resolve_by=now + timedelta(days=30),
            opened_at=now,
        )
        await publish_raw(url, from_feedback(opened, complaint, 1))
        resolved = feedback.ComplaintResolved(
            complaint_id=complaint,
            ticket_id=tid,
            substantiated=False,
            resolution="explained",
            resolved_at=now,
        )
        await publish_raw(url, from_feedback(resolved, complaint, 2))
        await eventually(lambda: requests_for(infrastructure, intake, tid))
        gave_up = from_feedback(
            feedback.CallbackUnreachable(
                callback_id=uuid.uuid4(), ticket_id=tid, attempts=3, given_up_at=now
            )
        )
        await publish_raw(url, gave_up)
        ended = await ticket_where(intake, tid, lambda t: t["closure_reason"] is not None)
        assert ended["closure_reason"] == "unreachable"


async def test_a_refunded_ticket_is_called_back_and_its_outcome_never_reopens_it(
    start_service, infrastructure
):
    url = infrastructure.broker_url
    async with start_service("intake") as intake:
        customer = await make_customer(intake)
        bought = date.today() - timedelta(days=2)
        product = await make_product(intake, customer["id"], purchased_on=bought.isoformat())
        ticket = await make_ticket(intake, customer=customer, product=product)
        tid = uuid.UUID(ticket["id"])
        r = await intake.client.post(
            f"/v1/tickets/{ticket['id']}/warranty-remedy",
            json={"remedy": "refund", "reason": "dead on arrival"},
            headers=intake.auth(),
        )
        assert r.status_code == 200, r.text
        assert r.json()["ticket"]["closure_reason"] == "refunded"
        [request] = await eventually(lambda: requests_for(infrastructure, intake, tid))
        assert request.reason == "refunded" and request.complaint_id is None

        unhappy = called_back(tid, "not_fixed_first_visit", "refunded")
        await publish_raw(url, unhappy)
        await handled(intake, unhappy)
        after = (await intake.client.get(f"/v1/tickets/{tid}", headers=intake.auth())).json()
        assert (after["status"], after["closure_reason"]) == ("closed", "refunded")
        assert after["callback"]["outcome"] == "not_fixed_first_visit"
        await drained(intake)
        reopened = await read_events(url, "intake.ticket.reopened.v1", after=intake)
        assert [e for e in reopened if e.data.ticket_id == tid] == []
