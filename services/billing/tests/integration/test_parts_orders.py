"""A customer's paid parts order: priced once at list price with shipping, invoiced when paid in
full, cancelled (credited in full) when left unpaid or cancelled first."""

import uuid
from datetime import UTC, datetime, timedelta

from aftersales.events import intake
from aftersales_testing.apps import SettableClock, eventually, handled
from aftersales_testing.factories import parts_order_placed, read_events
from billing.use_cases.parts_orders import cancel_unpaid

# 10:00 in Shanghai on 10 March 2026: the orders' days are counted on the service's clock.
START = datetime(2026, 3, 10, 2, 0, tzinfo=UTC)


async def priced(billing, books, ticket_id: uuid.UUID) -> dict:
    async def found():
        r = await billing.client.get(
            "/v1/charges", params={"ticket_id": str(ticket_id)}, headers=books.finance
        )
        return r.json()["items"] or None

    [charge] = await eventually(found)
    return charge


def transfer(amount: int) -> dict:
    return {
        "method": "transfer",
        "amount": {"amount": amount, "currency": "CNY"},
        "reference": f"BANK-{uuid.uuid4().hex[:12]}",
    }


async def test_an_order_is_priced_once_and_invoiced_when_paid_in_full(
    start_service, books_for, infrastructure
):
    async with start_service("billing", parts_order_shipping_fee=2_000) as billing:
        books = books_for(billing)
        await books.price_list()
        ticket_id = uuid.uuid4()
        placed = await books.publish(
            parts_order_placed(ticket_id, ("PUMP-01", 1), ("BELT-02", 3)), "intake", ticket_id
        )
        charge = await priced(billing, books, ticket_id)
        assert (charge["service_class"], charge["job_id"], charge["point_id"]) == ("A", None, None)
        assert charge["customer_total"]["amount"] == 25_000 + 3 * 4_000 + 2_000
        assert [(line["kind"], line["quantity"]) for line in charge["lines"]] == [
            ("part", 1),
            ("part", 3),
            ("shipping", 1),
        ]
        assert charge["company_cost"]["amount"] == 0
        assert charge["auto_invoice_at"] is None and charge["invoice_id"] is None
        again = await books.publish(placed.data, "intake", ticket_id)  # a second one, new id
        await handled(billing, again)

        url = f"/v1/charges/{charge['id']}/payments"
        part = await billing.client.post(url, json=transfer(10_000), headers=books.finance)
        assert part.status_code == 201 and part.json()["invoice_id"] is None  # not yet
        rest = await billing.client.post(url, json=transfer(29_000), headers=books.finance)
        assert rest.json()["status"] == "paid" and rest.json()["invoice_id"] is not None
        [paid] = [
            e
            for e in await read_events(
                infrastructure.broker_url, "billing.parts_order.paid.v1", after=billing
            )
            if e.data.ticket_id == ticket_id
        ]
        assert str(paid.data.invoice_id) == rest.json()["invoice_id"]
        assert [(x.sku, x.qty) for x in paid.data.lines] == [("PUMP-01", 1), ("BELT-02", 3)]
        r = await billing.client.get(
            "/v1/charges", params={"ticket_id": str(ticket_id)}, headers=books.finance
        )
        assert len(r.json()["items"]) == 1  # the second one priced nothing


async def test_an_order_left_unpaid_is_cancelled_and_credited_once(
    start_service, books_for, infrastructure
):
    clock = SettableClock(START)
    settings = {"parts_order_pay_within_days": 3, "worker_poll_seconds": 3600}
    async with start_service("billing", clock=clock, **settings) as billing:
        policy = billing.app.state.policy
        books = books_for(billing)
        await books.price_list()
        unpaid, partly, unknown = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
        await books.publish(parts_order_placed(unpaid, ("BELT-02", 1)), "intake", unpaid)
        await books.publish(parts_order_placed(partly, ("BELT-02", 2)), "intake", partly)
        await books.publish(parts_order_placed(unknown, ("NOPE-9", 1)), "intake", unknown)
        first = await priced(billing, books, unpaid)
        second = await priced(billing, books, partly)
        odd = await priced(billing, books, unknown)
        assert odd["held"] is True and "NOPE-9" in odd["review"][0]  # finance looks first
        r = await billing.client.post(
            f"/v1/charges/{second['id']}/payments", json=transfer(1_000), headers=books.finance
        )
        assert r.status_code == 201

        clock.advance(timedelta(days=2))
        assert await cancel_unpaid(billing.db, policy) == 0
        clock.set(START + timedelta(days=3, minutes=1))
        assert await cancel_unpaid(billing.db, policy) == 2  # not the one paid in part
        assert await cancel_unpaid(billing.db, policy) == 0  # once
        r = await billing.client.get(f"/v1/charges/{first['id']}", headers=books.finance)
        assert r.json()["status"] == "nothing_due" and r.json()["balance"]["amount"] == 0
        assert r.json()["credited"] == first["customer_total"]
        notes = await billing.client.get(
            f"/v1/charges/{first['id']}/credit-notes", headers=books.finance
        )
        [note] = notes.json()
        assert "unpaid after 3 days" in note["reason"]
        late = await billing.client.post(
            f"/v1/charges/{first['id']}/payments", json=transfer(100), headers=books.finance
        )
        assert late.status_code == 409  # nothing left to pay on a cancelled order
        cancelled = await read_events(
            infrastructure.broker_url, "billing.parts_order.cancelled.v1", after=billing
        )
        assert sorted(str(e.data.ticket_id) for e in cancelled) == sorted(
            [str(unpaid), str(unknown)]
        )


async def test_the_customer_cancelling_first_credits_the_order(
    start_service, books_for, infrastructure
):
    async with start_service("billing") as billing:
        books = books_for(billing)
        await books.price_list()
        ticket_id = uuid.uuid4()
        await books.publish(parts_order_placed(ticket_id, ("PUMP-01", 1)), "intake", ticket_id)
        charge = await priced(billing, books, ticket_id)
        await books.publish(
            intake.TicketCancelled(
                ticket_id=ticket_id, reason="found one locally", cancelled_at=datetime.now(UTC)
            ),
            "intake",
            ticket_id,
            version=2,
        )

        async def credited():
            r = await billing.client.get(
                f"/v1/charges/{charge['id']}/credit-notes", headers=books.finance
            )
            return r.json() or None

        [note] = await eventually(credited)
        assert "found one locally" in note["reason"]
        r = await billing.client.get(f"/v1/charges/{charge['id']}", headers=books.finance)
        assert r.json()["status"] == "nothing_due"
