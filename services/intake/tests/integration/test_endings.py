"""Every request ends: an unreachable customer, 三包 judged on the day the fault was reported,
and failed repairs counted per fault (a complaint call ends satisfied: test_satisfied_endings)."""

import uuid
from datetime import UTC, date, datetime, timedelta

import asyncpg

from aftersales.events import Envelope, dispatch, feedback
from aftersales_testing.apps import eventually
from aftersales_testing.factories import (
    make_customer,
    make_product,
    make_ticket,
    publish_raw,
    read_events,
)

POINT, TECH = uuid.uuid4(), uuid.uuid4()


def completed(ticket_id, job_id, version, cause=None, visit=1):
    return Envelope.wrap(
        dispatch.JobCompleted(
            job_id=job_id,
            ticket_id=ticket_id,
            point_id=POINT,
            technician_id=TECH,
            resolution="on_site",
            labor_minutes=30,
            parts=[],
            travel_km=5,
            visit_number=visit,
            arrived_late_minutes=0,
            completed_at=datetime.now(UTC),
            category="air_conditioner",
            cause_code=cause,
        ),
        source="dispatch",
        aggregate_id=job_id,
        aggregate_version=version,
    )


def from_feedback(data):
    return Envelope.wrap(data, source="feedback", aggregate_id=uuid.uuid4(), aggregate_version=1)


def callback(ticket_id, job_id, outcome):
    return from_feedback(
        feedback.CallbackRecorded(
            callback_id=uuid.uuid4(),
            ticket_id=ticket_id,
            job_id=job_id,
            reached=True,
            outcome=outcome,
            score=2,
            recorded_at=datetime.now(UTC),
        )
    )


async def ticket_where(intake, ticket_id, check):
    async def found():
        r = await intake.client.get(f"/v1/tickets/{ticket_id}", headers=intake.auth())
        return r.json() if check(r.json()) else None

    return await eventually(found)


async def test_an_unreachable_customers_ticket_ends_unreachable(start_service, infrastructure):
    url = infrastructure.broker_url
    async with start_service("intake") as intake:
        ticket = await make_ticket(intake)
        tid, job = uuid.UUID(ticket["id"]), uuid.uuid4()
        # The give-up overtakes the job's completion (separate streams): kept until it arrives.
        await publish_raw(
            url,
            from_feedback(
                feedback.CallbackUnreachable(
                    callback_id=uuid.uuid4(),
                    ticket_id=tid,
                    job_id=job,
                    attempts=3,
                    given_up_at=datetime.now(UTC),
                )
            ),
        )
        await publish_raw(url, completed(tid, job, 5))
        ended = await ticket_where(intake, tid, lambda t: t["status"] == "closed")
        assert ended["closure_reason"] == "unreachable"
        listed = await intake.client.get(
            "/v1/tickets", params={"closure_reason": "unreachable"}, headers=intake.auth()
        )
        assert [t["id"] for t in listed.json()["items"]] == [ticket["id"]]
        timeline = await intake.client.get(f"/v1/tickets/{tid}/timeline", headers=intake.auth())
        assert any("unreachable after 3" in e["summary"] for e in timeline.json()["entries"])

        async def closed_v2():
            found = await read_events(url, "intake.ticket.closed.v2", after=intake)
            return [e.data for e in found if e.data.ticket_id == tid]

        [closed] = await eventually(closed_v2)
        assert closed.closure_reason == "unreachable"


async def test_a_refund_is_judged_on_the_day_the_fault_was_reported(start_service, admin_dsn):
    async with start_service("intake") as intake:
        customer = await make_customer(intake)
        bought = date.today() - timedelta(days=9)
        product = await make_product(intake, customer["id"], purchased_on=bought.isoformat())
        ticket = await make_ticket(intake, customer=customer, product=product)
        # The call came on day 6 after purchase; the decision is taken today, day 9.
        conn = await asyncpg.connect(admin_dsn)
        try:
            await conn.execute(
                "UPDATE intake.tickets SET created_at = $1 WHERE id = $2",
                datetime.combine(bought + timedelta(days=6), datetime.min.time(), UTC),
                uuid.UUID(ticket["id"]),
            )
        finally:
            await conn.close()
        r = await intake.client.post(
            f"/v1/tickets/{ticket['id']}/warranty-remedy",
            json={"remedy": "refund", "reason": "fault within 7 days of purchase"},
            headers=intake.auth(),
        )
        assert r.status_code == 200, r.text
        assert r.json()["ticket"]["closure_reason"] == "refunded"
        timeline = await intake.client.get(
            f"/v1/tickets/{ticket['id']}/timeline", headers=intake.auth()
        )
        decided = [e for e in timeline.json()["entries"] if e["data"].get("remedy")]
        assert decided[0]["data"]["facts"]["days_since_purchase"] == 6

        late = await make_ticket(
            intake,
            customer=customer,
            product=await make_product(intake, customer["id"], purchased_on=bought.isoformat()),
        )
        refused = await intake.client.post(
            f"/v1/tickets/{late['id']}/warranty-remedy",
            json={"remedy": "refund", "reason": "reported on day 9"},
            headers=intake.auth(),
        )
        assert refused.status_code == 422 and "9 days ago" in refused.json()["detail"]


async def test_replacement_counts_failed_repairs_of_the_same_fault(start_service, infrastructure):
    url = infrastructure.broker_url
    async with start_service("intake") as intake:
        customer = await make_customer(intake)
        product = await make_product(
            intake,
            customer["id"],
            purchased_on=(date.today() - timedelta(days=60)).isoformat(),
        )
        ticket = await make_ticket(intake, customer=customer, product=product)
        tid = uuid.UUID(ticket["id"])

        async def visit(cause, outcome, visit_number, reopens):
            job = uuid.uuid4()
            await publish_raw(url, completed(tid, job, 5, cause=cause, visit=visit_number))
            await ticket_where(intake, tid, lambda t: t["status"] == "completed")
            if outcome is not None:
                await publish_raw(url, callback(tid, job, outcome))
                await ticket_where(intake, tid, lambda t: t["reopen_count"] == reopens)

        await visit("PUMP", "not_fixed_first_visit", 1, 1)
        await visit("BEARING", "not_fixed_repeat", 2, 2)
        await visit("PUMP", None, 3, 2)
        replace = {"remedy": "replace", "reason": "keeps failing", "new_serial_no": "NEW-9"}
        refused = await intake.client.post(
            f"/v1/tickets/{tid}/warranty-remedy", json=replace, headers=intake.auth()
        )
        assert refused.status_code == 422
        assert "1 failed repairs" in refused.json()["detail"]  # the BEARING one is another fault
        await publish_raw(url, callback(tid, (await _current_job(intake, tid)), "not_fixed_repeat"))
        await ticket_where(intake, tid, lambda t: t["reopen_count"] == 3)
        await visit("PUMP", None, 4, 3)
        allowed = await intake.client.post(
            f"/v1/tickets/{tid}/warranty-remedy", json=replace, headers=intake.auth()
        )
        assert allowed.status_code == 200, allowed.text
        assert allowed.json()["ticket"]["closure_reason"] == "replaced"


async def _current_job(intake, tid):
    r = await intake.client.get(f"/v1/tickets/{tid}", headers=intake.auth())
    return uuid.UUID(r.json()["assignment"]["job_id"])


async def test_the_answer_shows_on_the_ticket_whichever_clock_watches_it(
    start_service, infrastructure
):
    url = infrastructure.broker_url
    async with start_service("intake") as intake:
        visit = await make_ticket(intake)
        tid, job = uuid.UUID(visit["id"]), uuid.uuid4()
        now = datetime.now(UTC)
        await publish_raw(
            url,
            Envelope.wrap(
                dispatch.SlaBreached(
                    ticket_id=tid, job_id=job, sla="respond", due_at=now, breached_at=now
                ),
                source="dispatch",
                aggregate_id=job,
                aggregate_version=1,
            ),
        )
        await publish_raw(
            url,
            Envelope.wrap(
                dispatch.JobScheduled(
                    job_id=job,
                    ticket_id=tid,
                    point_id=POINT,
                    technician_id=TECH,
                    appointment={
                        "start": now + timedelta(hours=1),
                        "end": now + timedelta(hours=3),
                    },
                ),
                source="dispatch",
                aggregate_id=job,
                aggregate_version=3,
            ),
        )
        answered = await ticket_where(intake, tid, lambda t: t["sla"]["responded_at"] is not None)
        assert answered["sla"]["response_breached_at"] is not None  # booked, but late

        complaint = await make_ticket(intake, kind="complaint")
        cid = uuid.uuid4()
        await publish_raw(
            url,
            Envelope.wrap(
                feedback.ComplaintReplied(
                    complaint_id=cid,
                    ticket_id=uuid.UUID(complaint["id"]),
                    replied_at=now,
                    in_time=True,
                ),
                source="feedback",
                aggregate_id=cid,
                aggregate_version=2,
            ),
        )
        replied = await ticket_where(
            intake, complaint["id"], lambda t: t["sla"]["responded_at"] is not None
        )
        assert replied["sla"]["response_breached_at"] is None


async def test_each_miss_is_published_once_with_two_replicas_scanning(
    start_service, infrastructure
):
    fast = {"respond_within_hours": 2 / 3600, "clock_poll_seconds": 0.1}
    async with start_service("intake", **fast) as one, start_service("intake", **fast):
        tickets = [await make_ticket(one, kind="consultation") for _ in range(8)]
        wanted = {t["id"] for t in tickets}

        async def all_breached():
            found = await read_events(
                infrastructure.broker_url, "intake.ticket.response_breached.v1", after=one
            )
            mine = [str(e.data.ticket_id) for e in found if str(e.data.ticket_id) in wanted]
            return mine if set(mine) == wanted else None

        await eventually(all_breached, timeout=30)
        # A barrier for any second firing: the scanners have passed every due ticket again.
        late = await make_ticket(one, kind="consultation")

        async def late_breached():
            r = await one.client.get(f"/v1/tickets/{late['id']}", headers=one.auth())
            return r.json()["sla"]["response_breached_at"]

        await eventually(late_breached, timeout=30)
        found = await read_events(
            infrastructure.broker_url, "intake.ticket.response_breached.v1", after=one
        )
        mine = [str(e.data.ticket_id) for e in found if str(e.data.ticket_id) in wanted]
        assert sorted(mine) == sorted(wanted)  # once each
