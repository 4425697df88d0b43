import uuid
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from aftersales.events import dispatch, feedback
from aftersales_testing.apps import SettableClock, drained, eventually
from aftersales_testing.factories import publish_raw, read_events

SHANGHAI = ZoneInfo("Asia/Shanghai")


def last_month() -> tuple[str, datetime]:
    """The previous month (local time) and a moment in its middle."""
    first_of_this = datetime.now(SHANGHAI).replace(
        day=1, hour=12, minute=0, second=0, microsecond=0
    )
    mid = (first_of_this - timedelta(days=15)).astimezone(UTC)
    return mid.astimezone(SHANGHAI).strftime("%Y-%m"), mid


async def _statement(billing, month, point_id, headers):
    r = await billing.client.get(
        "/v1/settlements", params={"month": month, "point_id": str(point_id)}, headers=headers
    )
    assert r.status_code == 200, r.text
    [doc] = r.json()["items"]
    return doc


async def test_a_points_month_by_class_grade_factor_and_deductions(start_service, books_for):
    month, mid = last_month()
    async with start_service("billing") as billing:
        books = books_for(billing)
        await books.price_list()
        await books.register_point(is_partner=True)  # a partner: the penalty is its too
        p = books.point_id
        paid = await books.charged(await books.ticket(), completed_at=mid)  # A: work 200.00
        free = await books.charged(
            await books.ticket(in_warranty=True), completed_at=mid, arrived_late_minutes=90
        )  # C: work 200.00, compensation 50.00
        assert (paid["month"], free["month"]) == (month, month)
        breach = dispatch.SlaBreached(
            ticket_id=uuid.uuid4(),
            job_id=uuid.uuid4(),
            point_id=p,
            sla="arrival",
            due_at=mid,
            breached_at=mid,
        )
        env = await books.publish(breach, "dispatch", breach.job_id)
        await publish_raw(books.nats_url, env, msg_id=str(uuid.uuid4()))  # delivered again
        complaint = feedback.ComplaintResolved(
            complaint_id=uuid.uuid4(),
            ticket_id=uuid.uuid4(),
            point_id=p,
            substantiated=True,
            resolution="rude on the phone",
            resolved_at=mid,
        )
        await books.publish(complaint, "feedback", complaint.complaint_id)
        unfounded = complaint.model_copy(
            update={"complaint_id": uuid.uuid4(), "substantiated": False}
        )
        await books.publish(unfounded, "feedback", unfounded.complaint_id)
        penalty = feedback.TechnicianDisciplined(
            technician_id=books.technician_id,
            point_id=p,
            complaint_id=complaint.complaint_id,
            strike=2,
            action="penalty",
            decided_at=mid,
        )
        await books.publish(penalty, "feedback", penalty.technician_id)
        graded = feedback.PointGraded(
            point_id=p, month=month, grade="A", graded_at=datetime.now(UTC)
        )
        await books.publish(graded, "feedback", p)

        async def settled():
            doc = await _statement(billing, month, p, books.finance)
            kinds = {d["kind"] for d in doc["deductions"]}
            ready = doc["grade"] == "A" and kinds >= {"sla_breach", "complaint", "penalty"}
            return ready and doc

        doc = await eventually(settled)
        assert doc["status"] == "open" and doc["jobs"] == 2
        assert doc["by_class"]["A"]["work_value"]["amount"] == 20_000
        assert doc["by_class"]["A"]["owed"]["amount"] == 6_000  # 30 %
        assert doc["by_class"]["C"]["owed"]["amount"] == 16_000  # 80 %
        assert doc["gross"]["amount"] == 22_000
        assert doc["grade_factor_percent"] == 110 and doc["graded"]["amount"] == 24_200
        deductions = {d["kind"]: (d["count"], d["amount"]["amount"]) for d in doc["deductions"]}
        assert deductions == {
            "complaint": (1, 20_000),
            "penalty": (1, 50_000),
            "sla_breach": (1, 5_000),
            "late_compensation": (1, 5_000),
        }
        assert doc["net"]["amount"] == 24_200 - 80_000
        # computing an open month again gives the same statement
        assert await _statement(billing, month, p, books.finance) == doc


async def test_closing_a_month_freezes_and_publishes_it_and_later_facts_go_to_the_next(
    start_service, books_for, infrastructure
):
    # 10:00 in Shanghai on 2 April 2026: March is over, April is not.
    month, mid, this_month = "2026-03", datetime(2026, 3, 16, 4, tzinfo=UTC), "2026-04"
    clock = SettableClock(datetime(2026, 4, 2, 2, tzinfo=UTC))
    async with start_service("billing", clock=clock) as billing:
        books = books_for(billing)
        await books.price_list()
        await books.charged(await books.ticket(), completed_at=mid)
        early = await billing.client.post(
            f"/v1/settlements/{this_month}/close", headers=books.finance
        )
        assert early.status_code == 422
        point_close = await billing.client.post(
            f"/v1/settlements/{month}/close", headers=billing.auth("point", point_id=books.point_id)
        )
        assert point_close.status_code == 403
        # Not graded yet: closing now would freeze every point at a 100 % factor.
        ungraded = await billing.client.post(
            f"/v1/settlements/{month}/close", headers=books.finance
        )
        assert ungraded.status_code == 409 and "graded" in ungraded.json()["detail"]
        no_reason = await billing.client.post(
            f"/v1/settlements/{month}/close", json={"force": True}, headers=books.finance
        )
        assert no_reason.status_code == 422
        await books.graded(month)

        r = await billing.client.post(f"/v1/settlements/{month}/close", headers=books.finance)
        assert r.status_code == 200, r.text
        [closed] = r.json()["items"]
        assert closed["status"] == "closed" and closed["net"]["amount"] == 6_000
        again = await billing.client.post(f"/v1/settlements/{month}/close", headers=books.finance)
        assert again.status_code == 409

        # A job completed in the closed month but reported only now counts in the next month.
        late = await books.charged(await books.ticket(), completed_at=mid)
        assert late["month"] == this_month
        graded = feedback.PointGraded(
            point_id=books.point_id, month=month, grade="D", graded_at=datetime.now(UTC)
        )
        await books.publish(graded, "feedback", books.point_id)
        await drained(billing)
        frozen = await _statement(billing, month, books.point_id, books.finance)
        assert frozen == closed
        current = await _statement(billing, this_month, books.point_id, books.finance)
        assert current["jobs"] == 1 and current["status"] == "open"

        [event] = await read_events(
            infrastructure.broker_url, "billing.settlement.closed.v1", after=billing
        )
        assert event.data.month == month and event.data.net.amount == 6_000
        assert str(event.data.settlement_id) == closed["settlement_id"]


async def test_a_point_sees_only_its_own_settlement_and_exports_are_csv(start_service, books_for):
    month, mid = last_month()
    async with start_service("billing") as billing:
        mine = books_for(billing)
        theirs = books_for(billing)
        await mine.price_list()
        await mine.charged(await mine.ticket(), completed_at=mid)
        await theirs.charged(await theirs.ticket(), completed_at=mid)
        point = billing.auth("point", point_id=mine.point_id)
        r = await billing.client.get("/v1/settlements", params={"month": month}, headers=point)
        assert [d["point_id"] for d in r.json()["items"]] == [str(mine.point_id)]
        other = await billing.client.get(
            "/v1/settlements",
            params={"month": month, "point_id": str(theirs.point_id)},
            headers=point,
        )
        assert other.status_code == 404
        tech = await billing.client.get(
            "/v1/settlements",
            params={"month": month},
            headers=billing.auth("technician", technician_id=uuid.uuid4()),
        )
        assert tech.status_code == 403

        everyone = await billing.client.get(
            "/v1/settlements", params={"month": month}, headers=mine.finance
        )
        assert len(everyone.json()["items"]) == 2
        csv = await billing.client.get(
            "/v1/settlements", params={"month": month, "format": "csv"}, headers=mine.finance
        )
        assert csv.headers["content-type"].startswith("text/csv")
        rows = csv.text.strip().splitlines()
        assert rows[0].startswith("point_id,month,status,jobs") and len(rows) == 3
        bad = await billing.client.get(
            "/v1/settlements", params={"month": "2026-13"}, headers=mine.finance
        )
        assert bad.status_code == 422


async def test_a_defective_part_not_returned_costs_the_point_its_price(start_service, books_for):
    month, mid = last_month()
    async with start_service("billing") as billing:
        books = books_for(billing)
        await books.price_list()  # PUMP-01 costs the company 120.00
        p = books.point_id
        await books.charged(await books.ticket(in_warranty=True), completed_at=mid)
        for sku, qty in (("PUMP-01", 2), ("NOT-LISTED", 1)):
            overdue = dispatch.PartReturnOverdue(
                return_id=uuid.uuid4(),
                job_id=uuid.uuid4(),
                ticket_id=uuid.uuid4(),
                point_id=p,
                sku=sku,
                qty=qty,
                standard_cost=9_000,
                due_at=mid,
                noticed_at=mid,
            )
            env = await books.publish(overdue, "dispatch", overdue.return_id)
            await publish_raw(books.nats_url, env, msg_id=str(uuid.uuid4()))  # delivered again

        async def deducted():
            doc = await _statement(billing, month, p, books.finance)
            found = [d for d in doc["deductions"] if d["kind"] == "unreturned_part"]
            return found and found[0]["count"] == 2 and found[0]

        line = await eventually(deducted)
        # the price list's cost for the pump, the standard cost for what it does not list
        assert line["amount"]["amount"] == 2 * 12_000 + 9_000
