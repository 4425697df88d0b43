"""The ticket follows dispatch, billing and feedback events, in any order, once."""

import uuid
from datetime import UTC, datetime, timedelta

from aftersales.events import Envelope, Money, Window, billing, dispatch, feedback
from aftersales_testing.apps import drained, eventually
from aftersales_testing.factories import make_ticket, publish_raw, read_events

POINT, TECH = uuid.uuid4(), uuid.uuid4()


def job_events(ticket_id, job_id):
    """The events of one job's happy path, with increasing job versions."""
    now = datetime.now(UTC)
    datas = [
        dispatch.JobRouted(
            job_id=job_id,
            ticket_id=ticket_id,
            point_id=POINT,
            attempt=1,
            why="only match",
            offer_expires_at=now + timedelta(minutes=30),
            ticket_number="SR-2026-0000001",
            kind="repair",
            region="440305",
            product=dispatch.OfferedProduct(
                category="washing_machine", model="XQB", serial_no="S", in_warranty=True
            ),
        ),
        dispatch.JobAccepted(job_id=job_id, ticket_id=ticket_id, point_id=POINT, accepted_at=now),
        dispatch.JobScheduled(
            job_id=job_id,
            ticket_id=ticket_id,
            point_id=POINT,
            technician_id=TECH,
            appointment=Window(start=now + timedelta(hours=2), end=now + timedelta(hours=4)),
        ),
        dispatch.JobStatusChanged(
            job_id=job_id,
            ticket_id=ticket_id,
            point_id=POINT,
            technician_id=TECH,
            status="on_site",
            previous_status="scheduled",
            at=now,
        ),
        dispatch.JobCompleted(
            job_id=job_id,
            ticket_id=ticket_id,
            point_id=POINT,
            technician_id=TECH,
            resolution="on_site",
            labor_minutes=45,
            parts=[],
            travel_km=8,
            visit_number=1,
            arrived_late_minutes=0,
            completed_at=now,
            category="washing_machine",
        ),
    ]
    return [
        Envelope.wrap(d, source="dispatch", aggregate_id=job_id, aggregate_version=i + 1)
        for i, d in enumerate(datas)
    ]


def callback(ticket_id, job_id, outcome, score=5):
    return Envelope.wrap(
        feedback.CallbackRecorded(
            callback_id=uuid.uuid4(),
            ticket_id=ticket_id,
            job_id=job_id,
            point_id=POINT,
            reached=True,
            outcome=outcome,
            score=score,
            recorded_at=datetime.now(UTC),
        ),
        source="feedback",
        aggregate_id=uuid.uuid4(),
        aggregate_version=1,
    )


async def get(intake, ticket_id):
    return (await intake.client.get(f"/v1/tickets/{ticket_id}", headers=intake.auth())).json()


async def test_the_ticket_follows_its_job_and_closes_on_a_satisfied_callback(
    start_service, infrastructure
):
    async with start_service("intake") as intake:
        ticket = await make_ticket(intake)
        tid, job = uuid.UUID(ticket["id"]), uuid.uuid4()
        for env in job_events(tid, job):
            await publish_raw(infrastructure.broker_url, env)

        async def completed():
            t = await get(intake, tid)
            return t if t["status"] == "completed" else None

        t = await eventually(completed)
        assert t["assignment"]["job_id"] == str(job)
        assert t["assignment"]["point_id"] == str(POINT)
        assert t["assignment"]["technician_id"] == str(TECH)
        assert t["assignment"]["appointment"] is not None

        charge_id = uuid.uuid4()
        await publish_raw(
            infrastructure.broker_url,
            Envelope.wrap(
                billing.ChargeIssued(
                    charge_id=charge_id,
                    ticket_id=tid,
                    job_id=job,
                    service_class="A",
                    class_reason="out of warranty",
                    customer_total=Money(amount=18000),
                    company_cost=Money(amount=0),
                    issued_at=datetime.now(UTC),
                ),
                source="billing",
                aggregate_id=charge_id,
                aggregate_version=1,
            ),
        )
        await publish_raw(infrastructure.broker_url, callback(tid, job, "satisfied", 5))

        async def closed():
            t = await get(intake, tid)
            return t if t["status"] == "closed" and t["charge"] else None

        t = await eventually(closed)
        assert t["charge"] == {
            "id": str(charge_id),
            "service_class": "A",
            "total": {"amount": 18000, "currency": "CNY"},
            "status": "issued",
        }
        assert t["callback"] == {"outcome": "satisfied", "score": 5}
        assert t["version"] == 1 + 5 + 2  # one version per event: 5 job events, charge, callback
        statuses = [
            e.data.status
            for e in await read_events(
                infrastructure.broker_url, "intake.ticket.status_changed.v1", after=intake
            )
        ]
        assert statuses == ["dispatched", "scheduled", "in_progress", "completed", "closed"]
        closed_events = await read_events(
            infrastructure.broker_url, "intake.ticket.closed.v2", after=intake
        )
        assert len(closed_events) == 1

        timeline = (
            await intake.client.get(f"/v1/tickets/{tid}/timeline", headers=intake.auth())
        ).json()["entries"]
        actors = {e["actor"] for e in timeline}
        assert {"dispatch", "billing", "feedback"} <= actors
        assert timeline[0]["actor"] == "agent:agent-dev"


async def test_reversed_and_duplicated_events_end_in_the_same_ticket(start_service, infrastructure):
    async with start_service("intake") as intake:
        ticket = await make_ticket(intake)
        tid, job = uuid.UUID(ticket["id"]), uuid.uuid4()
        events = job_events(tid, job)
        for env in [*reversed(events), events[2], events[4]]:  # backwards, then twice again
            await publish_raw(infrastructure.broker_url, env, msg_id=str(uuid.uuid4()))

        async def settled():
            # The timeline first: the ticket read after it sees at least the commit that wrote
            # the fifth entry (read the other way round, a ticket from before the consumer's
            # commit could be paired with the timeline from after it).
            timeline = (
                await intake.client.get(f"/v1/tickets/{tid}/timeline", headers=intake.auth())
            ).json()["entries"]
            job_entries = [e for e in timeline if e["event"].startswith("dispatch.")]
            if len(job_entries) != 5:  # duplicates skipped by the inbox
                return None
            return await get(intake, tid)

        t = await eventually(settled)
        assert t["status"] == "completed"
        # The last version of the job wins for the assignment, whatever the arrival order.
        assert t["assignment"]["technician_id"] == str(TECH)
        await drained(intake)  # the copies published last handled too
        statuses = [
            e.data.status
            for e in await read_events(
                infrastructure.broker_url, "intake.ticket.status_changed.v1", after=intake
            )
        ]
        assert statuses == ["completed"]  # it never went back to dispatched or scheduled


async def test_an_unhappy_callback_reopens_once_and_a_rework_job_takes_over(
    start_service, infrastructure
):
    async with start_service("intake") as intake:
        ticket = await make_ticket(intake)
        tid, first, rework = uuid.UUID(ticket["id"]), uuid.uuid4(), uuid.uuid4()
        for env in job_events(tid, first):
            await publish_raw(infrastructure.broker_url, env)
        unhappy = callback(tid, first, "not_fixed_first_visit", 2)
        await publish_raw(infrastructure.broker_url, unhappy)
        await publish_raw(infrastructure.broker_url, unhappy, msg_id=str(uuid.uuid4()))

        async def reopened():
            t = await get(intake, tid)
            return t if t["status"] == "reopened" else None

        t = await eventually(reopened)
        assert t["reopen_count"] == 1
        await drained(intake)  # the second copy of the callback handled too
        [event] = await read_events(
            infrastructure.broker_url, "intake.ticket.reopened.v1", after=intake
        )
        assert event.data.reason == "not_fixed_first_visit"
        assert event.data.previous_job_id == first
        assert event.data.previous_point_id == POINT

        # A straggler of the first job does not undo the reopening; the rework job moves it.
        await publish_raw(
            infrastructure.broker_url, job_events(tid, first)[4], msg_id=str(uuid.uuid4())
        )
        for env in job_events(tid, rework):
            await publish_raw(infrastructure.broker_url, env)
        await publish_raw(infrastructure.broker_url, callback(tid, rework, "satisfied"))

        async def closed():
            t = await get(intake, tid)
            return t if t["status"] == "closed" else None

        t = await eventually(closed)
        assert t["assignment"]["job_id"] == str(rework)
        assert t["reopen_count"] == 1


async def test_an_event_about_an_unknown_ticket_is_skipped_not_dead_lettered(
    start_service, infrastructure
):
    from aftersales.messaging.consumer import list_dead_letters

    async with start_service("intake") as intake:
        stranger = job_events(uuid.uuid4(), uuid.uuid4())[0]
        await publish_raw(infrastructure.broker_url, stranger)
        ticket = await make_ticket(intake)
        await publish_raw(
            infrastructure.broker_url, job_events(uuid.UUID(ticket["id"]), uuid.uuid4())[0]
        )

        async def dispatched():
            return (await get(intake, ticket["id"]))["status"] == "dispatched"

        await eventually(dispatched)
        assert await list_dead_letters(intake.db) == []


async def test_a_payment_that_overtakes_its_charge_keeps_paid_and_the_total(
    start_service, infrastructure
):
    async with start_service("intake") as intake:
        ticket = await make_ticket(intake)
        tid, charge_id, now = uuid.UUID(ticket["id"]), uuid.uuid4(), datetime.now(UTC)
        paid = billing.ChargePaid(
            charge_id=charge_id,
            ticket_id=tid,
            amount_paid=Money(amount=45_000),
            method="cash",
            paid_at=now,
        )
        issued = billing.ChargeIssued(
            charge_id=charge_id,
            ticket_id=tid,
            service_class="A",
            class_reason="paid service",
            customer_total=Money(amount=45_000),
            company_cost=Money(amount=0),
            issued_at=now,
        )
        for data in (paid, issued):  # the payment first: a redelivered issue came later
            await publish_raw(
                infrastructure.broker_url,
                Envelope.wrap(data, source="billing", aggregate_id=charge_id, aggregate_version=1),
            )

        async def settled():
            charge = (await get(intake, ticket["id"]))["charge"]
            return charge if charge and charge["service_class"] == "A" else None

        charge = await eventually(settled)
        assert charge["status"] == "paid"
        assert charge["total"] == {"amount": 45_000, "currency": "CNY"}


async def test_a_callback_that_overtakes_every_job_event_still_closes_the_ticket(
    start_service, infrastructure
):
    async with start_service("intake") as intake:
        ticket = await make_ticket(intake)
        tid, job_id = uuid.UUID(ticket["id"]), uuid.uuid4()
        await publish_raw(infrastructure.broker_url, callback(tid, job_id, "satisfied"))

        async def kept():
            timeline = await intake.client.get(f"/v1/tickets/{tid}/timeline", headers=intake.auth())
            events = [e["event"] for e in timeline.json()["entries"]]
            return "feedback.callback.recorded.v2" in events

        await eventually(kept)
        assert (await get(intake, ticket["id"]))["status"] == "open"
        for env in job_events(tid, job_id):
            await publish_raw(infrastructure.broker_url, env)

        async def closed():
            return (await get(intake, ticket["id"]))["status"] == "closed"

        await eventually(closed)
        closed_events = await read_events(
            infrastructure.broker_url, "intake.ticket.closed.v2", after=intake
        )
        assert [e.data.ticket_id for e in closed_events] == [tid]
