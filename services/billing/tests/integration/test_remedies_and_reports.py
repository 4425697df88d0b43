import uuid
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from aftersales.events import Money, intake
from aftersales_testing.apps import eventually


async def test_refunds_and_replacements_are_recorded_once_in_the_months_revenue(
    start_service, books_for
):
    async with start_service("billing") as billing:
        books = books_for(billing)
        await books.price_list()
        month = datetime.now(ZoneInfo("Asia/Shanghai")).strftime("%Y-%m")
        refund_ticket = await books.ticket(in_warranty=True)
        replace_ticket = await books.ticket(in_warranty=True)
        now = datetime.now(UTC)
        refund = intake.TicketRemedyDecided(
            ticket_id=refund_ticket.data.ticket_id,
            remedy="refund",
            reason="dead on arrival",
            product_id=refund_ticket.data.product.id,
            refund=Money(amount=199_900),
            decided_at=now,
        )
        replace = intake.TicketRemedyDecided(
            ticket_id=replace_ticket.data.ticket_id,
            remedy="replace",
            reason="second failed repair",
            product_id=replace_ticket.data.product.id,
            replacement_product_id=uuid.uuid4(),
            decided_at=now,
        )
        for event in (refund, replace, refund):
            await books.publish(event, "intake", event.ticket_id, msg_id=str(uuid.uuid4()))

        async def recorded():
            r = await billing.client.get(
                "/v1/reports/revenue", params={"month": month}, headers=books.finance
            )
            remedies = r.json()["remedies"]
            return len(remedies) == 2 and remedies

        remedies = {r["remedy"]: r for r in await eventually(recorded)}
        assert remedies["refund"]["customer_credit"]["amount"] == 199_900
        assert remedies["refund"]["company_cost"]["amount"] == 199_900
        assert remedies["replace"]["company_cost"]["amount"] == 260_000  # the price list's value
        assert remedies["replace"]["reason"] == "second failed repair"


async def test_admin_work_is_class_d_reported_per_staff_member_per_month(start_service, books_for):
    async with start_service("billing") as billing:
        books = books_for(billing)
        entries = [
            ("Chen", "inspection", 90, date(2026, 10, 3)),
            ("Chen", "training", 120, date(2026, 10, 9)),
            ("Liu", "tool_upkeep", 45, date(2026, 10, 9)),
            ("Liu", "tool_upkeep", 30, date(2026, 11, 2)),
        ]
        for staff, kind, minutes, day in entries:
            r = await billing.client.post(
                "/v1/admin-work",
                json={
                    "staff": staff,
                    "kind": kind,
                    "minutes": minutes,
                    "performed_on": day.isoformat(),
                },
                headers=books.finance,
            )
            assert r.status_code == 201, r.text
        bad = await billing.client.post(
            "/v1/admin-work",
            json={"staff": "Liu", "kind": "gardening", "minutes": 30, "performed_on": "2026-10-01"},
            headers=books.finance,
        )
        assert bad.status_code == 422
        r = await billing.client.get(
            "/v1/admin-work", params={"month": "2026-10"}, headers=books.finance
        )
        report = r.json()
        assert report["service_class"] == "D"
        assert [(s["staff"], s["minutes"], s["minutes_by_kind"]) for s in report["staff"]] == [
            ("Chen", 210, {"inspection": 90, "training": 120}),
            ("Liu", 45, {"tool_upkeep": 45}),
        ]
        csv = await billing.client.get(
            "/v1/admin-work", params={"month": "2026-10", "format": "csv"}, headers=books.finance
        )
        lines = csv.text.strip().splitlines()
        assert lines[0].startswith("month,staff,entries,minutes,minutes_inspection")
        assert lines[1].startswith("2026-10,Chen,2,210,90")


async def test_the_revenue_report_sums_charges_by_class(start_service, books_for):
    async with start_service("billing") as billing:
        books = books_for(billing)
        await books.price_list()
        a = await books.charged(await books.ticket())
        await books.charged(await books.ticket(in_warranty=True))
        await billing.client.post(
            f"/v1/charges/{a['id']}/payments",
            json={"method": "cash", "amount": {"amount": 45_000}},
            headers=books.finance,
        )
        r = await billing.client.get(
            "/v1/reports/revenue", params={"month": a["month"]}, headers=books.finance
        )
        by_class = {c["service_class"]: c for c in r.json()["by_class"]}
        assert by_class["A"]["customer_total"]["amount"] == 45_000
        assert by_class["A"]["paid"]["amount"] == 45_000
        assert by_class["C"]["company_cost"]["amount"] == 32_000
        csv = await billing.client.get(
            "/v1/reports/revenue",
            params={"month": a["month"], "format": "csv"},
            headers=books.finance,
        )
        assert "A,1,45000,0,0,45000,CNY" in csv.text
