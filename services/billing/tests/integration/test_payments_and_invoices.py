import asyncio
from datetime import UTC, datetime, timedelta

from sqlalchemy import text

from aftersales_testing.apps import SettableClock
from aftersales_testing.factories import read_events
from billing.use_cases.invoices import invoice_due


def cash(amount, method="cash", currency="CNY", reference=None):
    body = {"method": method, "amount": {"amount": amount, "currency": currency}}
    return {**body, "reference": reference} if reference else body


async def test_partial_payments_settle_the_charge_and_overpayment_is_refused(
    start_service, books_for, infrastructure
):
    async with start_service("billing") as billing:
        books = books_for(billing)
        await books.price_list()
        charge = await books.charged(await books.ticket())
        url = f"/v1/charges/{charge['id']}/payments"
        me = billing.auth("technician", technician_id=books.technician_id)
        r = await billing.client.post(url, json=cash(20_000), headers=me)
        assert r.status_code == 201, r.text
        assert r.json()["status"] == "open" and r.json()["balance"]["amount"] == 25_000
        over = await billing.client.post(url, json=cash(25_001), headers=me)
        assert over.status_code == 422 and over.json()["balance"]["amount"] == 25_000
        wrong = await billing.client.post(url, json=cash(100, currency="USD"), headers=me)
        assert wrong.status_code == 422
        zero = await billing.client.post(url, json=cash(0), headers=me)
        assert zero.status_code == 422
        # A card payment names the provider's reference: without one it is refused, and the
        # charge stays as it was.
        blind = await billing.client.post(url, json=cash(25_000, "card"), headers=me)
        assert blind.status_code == 422 and "reference" in blind.json()["detail"]
        got = await billing.client.get(f"/v1/charges/{charge['id']}", headers=me)
        assert got.json()["status"] == "open" and len(got.json()["payments"]) == 1
        slip = cash(25_000, "card", reference="SLIP-0001")
        done = await billing.client.post(url, json=slip, headers=me)
        assert done.json()["status"] == "paid" and done.json()["balance"]["amount"] == 0
        # Paid on site, it is still invoiced the same day (document §十).
        assert done.json()["auto_invoice_at"] is not None
        assert [p["method"] for p in done.json()["payments"]] == ["cash", "card"]
        # The technician holds the cash until it is handed over; a card payment holds nothing
        # but waits for finance to match it to the acquirer's statement.
        assert [p["held_by"] for p in done.json()["payments"]] == [str(books.technician_id), None]
        assert [p["reconciliation"] for p in done.json()["payments"]] == [
            "not_needed",
            "unreconciled",
        ]
        more = await billing.client.post(url, json=cash(1), headers=me)
        assert more.status_code == 409
        [paid] = await read_events(
            infrastructure.broker_url, "billing.charge.paid.v1", after=billing
        )
        assert paid.data.amount_paid.amount == 45_000 and paid.data.method == "card"


async def test_a_payment_retried_with_its_key_is_recorded_once(start_service, books_for):
    async with start_service("billing") as billing:
        books = books_for(billing)
        await books.price_list()
        charge = await books.charged(await books.ticket())
        headers = {**books.finance, "Idempotency-Key": "collect-1"}
        url = f"/v1/charges/{charge['id']}/payments"
        first = await billing.client.post(url, json=cash(10_000), headers=headers)
        again = await billing.client.post(url, json=cash(10_000), headers=headers)
        assert again.headers["Idempotent-Replayed"] == "true"
        assert again.json() == first.json()
        got = await billing.client.get(f"/v1/charges/{charge['id']}", headers=books.finance)
        assert got.json()["paid"]["amount"] == 10_000


async def test_fifty_concurrent_invoices_get_gapless_numbers(start_service, books_for):
    async with start_service("billing", db_pool_size=20) as billing:
        books = books_for(billing)
        await books.price_list()
        tickets = [await books.ticket() for _ in range(50)]
        jobs = [await books.complete(t) for t in tickets]
        charges = [await books.charge_of(j.job_id) for j in jobs]
        # one request per charge, plus a second for ten of them (they must fail, not burn numbers)
        targets = [c["id"] for c in charges] + [c["id"] for c in charges[:10]]
        results = await asyncio.gather(
            *(
                billing.client.post(f"/v1/charges/{cid}/invoice", headers=books.finance)
                for cid in targets
            )
        )
        made = [r.json() for r in results if r.status_code == 201]
        refused = [r for r in results if r.status_code == 409]
        assert len(made) == 50 and len(refused) == 10, [
            r.text for r in results if r.status_code not in (201, 409)
        ]
        year = made[0]["year"]
        numbers = sorted(int(i["number"].rsplit("-", 1)[1]) for i in made)
        assert numbers == list(range(1, 51))
        assert all(i["number"].startswith(f"INV-{year}-") for i in made)
        listed = await billing.client.get(
            "/v1/invoices", params={"year": year, "limit": 100}, headers=books.finance
        )
        assert [i["number"] for i in listed.json()["items"]] == sorted(i["number"] for i in made)


async def test_an_issued_invoice_is_immutable_and_corrected_by_a_credit_note(
    start_service, books_for
):
    async with start_service("billing") as billing:
        books = books_for(billing)
        await books.price_list()
        charge = await books.charged(await books.ticket())
        invoice = (
            await billing.client.post(f"/v1/charges/{charge['id']}/invoice", headers=books.finance)
        ).json()
        async with billing.db.uow() as uow:
            try:
                await uow.session.execute(
                    text("UPDATE billing.invoices SET amount = 1 WHERE id = :id"),
                    {"id": invoice["id"]},
                )
                raise AssertionError("an issued invoice was changed")
            except Exception as exc:
                assert "immutable" in str(exc)

        too_much = await billing.client.post(
            f"/v1/charges/{charge['id']}/credit-notes",
            json={"amount": {"amount": 45_001}, "reason": "goodwill"},
            headers=books.finance,
        )
        assert too_much.status_code == 422
        r = await billing.client.post(
            f"/v1/charges/{charge['id']}/credit-notes",
            json={"amount": {"amount": 5_000}, "reason": "the belt was not replaced"},
            headers=books.finance,
        )
        assert r.status_code == 201, r.text
        note = r.json()
        assert note["invoice_id"] == invoice["id"] and note["number"].startswith("CN-")
        got = (
            await billing.client.get(f"/v1/charges/{charge['id']}", headers=books.finance)
        ).json()
        assert got["credited"]["amount"] == 5_000 and got["balance"]["amount"] == 40_000
        assert got["customer_total"]["amount"] == 45_000  # the charge itself is unchanged
        inv = await billing.client.get(f"/v1/invoices/{invoice['id']}", headers=books.finance)
        assert inv.json()["amount"]["amount"] == 45_000
        again = await billing.client.post(
            f"/v1/charges/{charge['id']}/invoice", headers=books.finance
        )
        assert again.status_code == 409


async def test_a_charge_is_invoiced_the_same_day_paid_on_site_or_not_and_a_free_one_is_not(
    start_service, books_for
):
    # 10:00 in Shanghai: the invoice is due two hours after the charge, on the service's clock.
    start = datetime(2026, 3, 10, 2, 0, tzinfo=UTC)
    clock = SettableClock(start)
    async with start_service("billing", clock=clock, worker_poll_seconds=3600) as billing:
        books = books_for(billing)
        await books.price_list()
        unpaid = await books.charged(await books.ticket(), completed_at=start)
        paid = await books.charged(await books.ticket(), completed_at=start)
        free = await books.charged(await books.ticket(in_warranty=True), completed_at=start)
        await billing.client.post(
            f"/v1/charges/{paid['id']}/payments", json=cash(45_000), headers=books.finance
        )
        clock.advance(timedelta(hours=2))
        assert await invoice_due(billing.db, billing.app.state.policy) == 2

        async def invoice_of(charge):
            r = await billing.client.get(f"/v1/charges/{charge['id']}", headers=books.finance)
            inv = await billing.client.get(
                f"/v1/invoices/{r.json()['invoice_id']}", headers=books.finance
            )
            return inv.json()

        inv = await invoice_of(unpaid)
        assert inv["automatic"] is True and inv["issued_by"] == "billing"
        assert inv["paid"] is False
        inv = await invoice_of(paid)
        assert inv["paid"] is True and inv["amount"]["amount"] == 45_000
        # The scanner has passed all three: a free charge has nothing to invoice.
        r = await billing.client.get(f"/v1/charges/{free['id']}", headers=books.finance)
        assert r.json()["invoice_id"] is None and r.json()["auto_invoice_at"] is None
