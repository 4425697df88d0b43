"""Refunds bounded by the sale, through billing's public API on real PostgreSQL and NATS: a
refund decided with no sale price recorded, above it, or above the approval threshold waits for
finance to approve the amount it checked; it cannot be paid before, nor approved above what was
decided or the recorded price."""

import uuid
from datetime import UTC, datetime

from aftersales.events import Money, intake
from aftersales_testing.apps import handled


async def decide(books, billing, amount: int | None, price: int | None) -> dict:
    """intake decided a refund of ``amount`` for a product sold for ``price`` (None: unknown);
    the voucher billing made of it."""
    ticket = await books.ticket()
    decided = intake.TicketRemedyDecided(
        ticket_id=ticket.data.ticket_id,
        remedy="refund",
        reason="third failure",
        product_id=ticket.data.product.id,
        refund=Money(amount=amount) if amount is not None else None,
        purchase_price=Money(amount=price) if price is not None else None,
        proof_ref="INV-77" if price is not None else None,
        decided_at=datetime.now(UTC),
    )
    env = await books.publish(decided, "intake", ticket.data.ticket_id)
    await handled(billing, env)
    r = await billing.client.get("/v1/refunds", params={"limit": 2000}, headers=books.finance)
    [voucher] = [v for v in r.json()["items"] if v["ticket_id"] == str(ticket.data.ticket_id)]
    return voucher


def money(amount: int) -> dict:
    return {"amount": amount, "currency": "CNY"}


async def test_a_refund_with_no_price_recorded_is_paid_only_as_finance_approves_it(
    start_service, books_for
):
    async with start_service("billing") as billing:
        books = books_for(billing)
        # The abuse: a CRM decides a refund of 100,000,000.00 for a product nobody priced.
        voucher = await decide(books, billing, 10**10, None)
        assert voucher["status"] == "awaiting_approval" and voucher["purchase_price"] is None
        assert "no sale price" in voucher["note"]
        payable = await billing.client.get(
            "/v1/refunds", params={"status": "unpaid"}, headers=books.finance
        )
        assert voucher["id"] not in [v["id"] for v in payable.json()["items"]]
        waiting = await billing.client.get(
            "/v1/refunds", params={"status": "awaiting_approval"}, headers=books.finance
        )
        assert voucher["id"] in [v["id"] for v in waiting.json()["items"]]

        pay = f"/v1/refunds/{voucher['id']}/pay"
        early = await billing.client.post(
            pay, json={"method": "transfer", "reference": "B-1"}, headers=books.finance
        )
        assert early.status_code == 409 and "approv" in early.json()["detail"]
        got = await billing.client.get(f"/v1/refunds/{voucher['id']}", headers=books.finance)
        assert got.json()["status"] == "awaiting_approval" and got.json()["paid_at"] is None

        approve = f"/v1/refunds/{voucher['id']}/approve"
        agent = await billing.client.post(
            approve, json={"amount": money(1), "note": "x"}, headers=billing.auth("agent")
        )
        assert agent.status_code == 403
        no_note = await billing.client.post(
            approve, json={"amount": money(150_000)}, headers=books.finance
        )
        assert no_note.status_code == 422
        ok = await billing.client.post(
            approve,
            json={"amount": money(150_000), "note": "the shop's invoice INV-1 says 1,500.00"},
            headers=books.finance,
        )
        assert ok.status_code == 200, ok.text
        assert (ok.json()["approval"], ok.json()["status"]) == ("approved", "unpaid")
        assert ok.json()["amount"]["amount"] == 150_000
        assert ok.json()["decided"]["amount"] == 10**10
        again = await billing.client.post(
            approve, json={"amount": money(150_000), "note": "again"}, headers=books.finance
        )
        assert again.status_code == 409

        paid = await billing.client.post(
            pay, json={"method": "transfer", "reference": "B-1"}, headers=books.finance
        )
        assert paid.status_code == 200, paid.text
        assert paid.json()["status"] == "paid" and paid.json()["amount"]["amount"] == 150_000
        audit = await billing.client.get(
            "/v1/audit", params={"object_id": voucher["id"]}, headers=billing.auth("admin")
        )
        entries = {e["action"]: e for e in audit.json()["items"]}
        assert entries["approved"]["changes"]["amount"]["after"]["amount"] == 150_000


async def test_an_approval_above_the_decided_refund_or_the_recorded_price_is_refused(
    start_service, books_for
):
    async with start_service("billing", refund_approval_above=500_000) as billing:
        books = books_for(billing)
        # Within the price and the threshold: payable at once.
        plain = await decide(books, billing, 300_000, 320_000)
        assert (plain["status"], plain["approval"]) == ("unpaid", "not_needed")
        refused = await billing.client.post(
            f"/v1/refunds/{plain['id']}/approve",
            json={"amount": money(300_000), "note": "not needed"},
            headers=books.finance,
        )
        assert refused.status_code == 409

        # Above the threshold, even with a price: finance approves it first.
        big = await decide(books, billing, 600_000, 700_000)
        assert big["status"] == "awaiting_approval" and "5000.00" in big["note"]
        above_decided = await billing.client.post(
            f"/v1/refunds/{big['id']}/approve",
            json={"amount": money(650_000), "note": "more than decided"},
            headers=books.finance,
        )
        assert above_decided.status_code == 422 and "decided" in above_decided.json()["detail"]

        # Decided above the recorded price (intake refuses it; billing trusts no one).
        over = await decide(books, billing, 800_000, 700_000)
        assert over["status"] == "awaiting_approval"
        above_price = await billing.client.post(
            f"/v1/refunds/{over['id']}/approve",
            json={"amount": money(750_000), "note": "above the sale"},
            headers=books.finance,
        )
        assert above_price.status_code == 422 and "sale price" in above_price.json()["detail"]
        got = await billing.client.get(f"/v1/refunds/{over['id']}", headers=books.finance)
        assert got.json()["status"] == "awaiting_approval"
        assert got.json()["amount"]["amount"] == 800_000
        ok = await billing.client.post(
            f"/v1/refunds/{over['id']}/approve",
            json={"amount": money(700_000), "note": "the invoice's price"},
            headers={**books.finance, "Idempotency-Key": str(uuid.uuid4())},
        )
        assert ok.status_code == 200 and ok.json()["amount"]["amount"] == 700_000
