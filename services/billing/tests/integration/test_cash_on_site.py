"""Cash a technician took on site: held until handed over (once), and what a partner point still
owes netted in its settlement."""

import uuid
from datetime import UTC, datetime

from aftersales_testing.apps import SettableClock

from .money_helpers import cash
from .test_settlements import _statement

# 10:00 in Shanghai on 10 March 2026, and on 2 April, once March is over.
START = datetime(2026, 3, 10, 2, 0, tzinfo=UTC)
APRIL = datetime(2026, 4, 2, 2, 0, tzinfo=UTC)


async def test_cash_is_held_until_handed_over_once_and_a_partner_nets_what_it_still_owes(
    start_service, books_for
):
    month, mid = "2026-03", START
    clock = SettableClock(START)
    async with start_service("billing", clock=clock) as billing:
        books = books_for(billing)
        await books.price_list()
        await books.register_point(is_partner=True)
        tech = billing.auth("technician", technician_id=books.technician_id)
        point = billing.auth("point", point_id=books.point_id)
        first = await books.charged(await books.ticket())
        second = await books.charged(await books.ticket())
        third = await books.charged(await books.ticket(), completed_at=mid)

        async def pay(charge, body, who=tech):
            r = await billing.client.post(
                f"/v1/charges/{charge['id']}/payments", json=body, headers=who
            )
            assert r.status_code == 201, r.text
            return r.json()["payments"][-1]["id"]

        kept = await pay(third, cash(45_000))  # taken on site in March, still held
        clock.set(APRIL)
        cash_one = await pay(first, cash(45_000))
        card = await pay(second, cash(20_000, "card", reference="SLIP-77"))
        at_desk = await pay(second, cash(25_000), who=books.finance)  # taken by the cashier

        held = await billing.client.get(
            "/v1/cash",
            params={"technician_id": str(books.technician_id), "outstanding": "true"},
            headers=point,
        )
        assert held.status_code == 200
        assert {p["payment_id"] for p in held.json()["items"]} == {cash_one, kept}
        assert held.json()["held"]["amount"] == 90_000
        other_point = billing.auth("point", point_id=uuid.uuid4())

        async def hand(ids, who=point):
            return await billing.client.post(
                "/v1/cash-handovers",
                json={"technician_id": str(books.technician_id), "payment_ids": ids},
                headers=who,
            )

        assert (await hand([cash_one], other_point)).status_code == 404
        not_cash = await hand([card])
        assert not_cash.status_code == 422 and "not in cash" in not_cash.json()["detail"]
        assert (await hand([at_desk])).status_code == 422
        ok = await hand([cash_one])
        assert ok.status_code == 201 and ok.json()["amount"]["amount"] == 45_000
        twice = await hand([cash_one])
        assert twice.status_code == 409 and "handed over already" in twice.json()["detail"]
        # A partner's own office holding it is not the company having it: still outstanding.
        owed = await billing.client.get(
            "/v1/cash",
            params={"point_id": str(books.point_id), "outstanding": "true"},
            headers=point,
        )
        assert {p["payment_id"]: p["status"] for p in owed.json()["items"]} == {
            cash_one: "at_office",
            kept: "held",
        }
        assert owed.json()["held"]["amount"] == 90_000

        # Last month the partner kept 450.00 of its customers' cash: netted in its statement.
        doc = await _statement(billing, month, books.point_id, books.finance)
        assert {d["kind"]: d["amount"]["amount"] for d in doc["deductions"]}["cash_held"] == 45_000
        await books.graded(month)
        closed = await billing.client.post(f"/v1/settlements/{month}/close", headers=books.finance)
        assert closed.status_code == 200, closed.text
        after = await billing.client.get(
            "/v1/cash", params={"point_id": str(books.point_id)}, headers=books.finance
        )
        status = {p["payment_id"]: p["status"] for p in after.json()["items"]}
        assert status == {cash_one: "at_office", kept: "netted"}
        assert (await hand([kept])).status_code == 409
