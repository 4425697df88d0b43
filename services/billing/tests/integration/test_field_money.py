"""The customer has paid; the field still holds the money. Through billing's public API on real
PostgreSQL and NATS, as a technician, a partner point and finance would:

- a technician's card, transfer or wallet payment names the provider's reference and stays
  unreconciled until finance matches it to the provider's statement; a partner point is
  deducted for one left unreconciled too long, and given it back when it is reconciled;
- a partner point's cash stays owed until finance records its remittance: handing it over to
  its own office clears nothing.
"""

import uuid
from datetime import UTC, datetime

from aftersales_testing.apps import SettableClock
from aftersales_testing.factories import read_events

from .test_settlements import _statement

# The payments are taken at 10:00 in Shanghai on 10 March 2026, on the service's clock, and the
# rest happens on 2 April, once March is over.
MARCH = "2026-03"
START = datetime(2026, 3, 10, 2, 0, tzinfo=UTC)
APRIL = datetime(2026, 4, 2, 2, 0, tzinfo=UTC)


def paid(amount, method="cash", reference=None):
    body = {"method": method, "amount": {"amount": amount, "currency": "CNY"}}
    return {**body, "reference": reference} if reference else body


def slip() -> str:
    return f"SLIP-{uuid.uuid4().hex[:10]}"


async def test_a_technicians_card_payment_pays_the_charge_but_stays_unreconciled_until_matched(
    start_service, books_for, infrastructure
):
    async with start_service("billing") as billing:
        books = books_for(billing)
        await books.price_list()
        tech = billing.auth("technician", technician_id=books.technician_id)
        first = await books.charged(await books.ticket())
        second = await books.charged(await books.ticket())

        # The abuse: a card payment with nothing to find it by. Refused; the charge unchanged.
        url = f"/v1/charges/{first['id']}/payments"
        for method in ("card", "transfer", "wallet"):
            blind = await billing.client.post(url, json=paid(45_000, method), headers=tech)
            assert blind.status_code == 422 and "reference" in blind.json()["detail"], blind.text
        got = await billing.client.get(f"/v1/charges/{first['id']}", headers=tech)
        assert got.json()["status"] == "open" and got.json()["payments"] == []

        reference = slip()
        r = await billing.client.post(url, json=paid(45_000, "card", reference), headers=tech)
        assert r.status_code == 201, r.text
        assert r.json()["status"] == "paid"  # the customer has paid: nobody chases them
        [payment] = r.json()["payments"]
        assert (payment["reference"], payment["reconciliation"]) == (reference, "unreconciled")
        # One provider payment pays one charge once.
        reused = await billing.client.post(
            f"/v1/charges/{second['id']}/payments",
            json=paid(45_000, "card", reference),
            headers=tech,
        )
        assert reused.status_code == 409, reused.text
        got = await billing.client.get(f"/v1/charges/{second['id']}", headers=tech)
        assert got.json()["status"] == "open"

        listed = await billing.client.get(
            "/v1/payments", params={"unreconciled": "true"}, headers=books.finance
        )
        assert listed.status_code == 200, listed.text
        assert [p["id"] for p in listed.json()["items"]] == [payment["id"]]
        assert listed.json()["items"][0]["technician_id"] == str(books.technician_id)
        point = billing.auth("point", point_id=books.point_id)
        assert (await billing.client.get("/v1/payments", headers=point)).status_code == 403

        async def reconcile(lines, headers=books.finance, statement="ACQ-2026-12-01"):
            return await billing.client.post(
                "/v1/payments/reconcile",
                json={
                    "method": "card",
                    "statement_ref": statement,
                    "payments": [
                        {"reference": ref, "amount": {"amount": amount, "currency": "CNY"}}
                        for ref, amount in lines
                    ],
                },
                headers=headers,
            )

        # The statement shows another amount, or a reference nobody recorded: nothing changes.
        differs = await reconcile([(reference, 4_500)])
        assert differs.status_code == 422 and "differs" in differs.json()["detail"]
        unknown = await reconcile([(reference, 45_000), ("SLIP-NOBODY", 100)])
        assert unknown.status_code == 422 and "SLIP-NOBODY" in unknown.json()["detail"]
        assert (await reconcile([(reference, 45_000)], headers=tech)).status_code == 403
        listed = await billing.client.get(
            "/v1/payments", params={"unreconciled": "true"}, headers=books.finance
        )
        assert len(listed.json()["items"]) == 1

        keyed = {**books.finance, "Idempotency-Key": "statement-1"}
        done = await reconcile([(reference, 45_000)], headers=keyed)
        assert done.status_code == 200, done.text
        assert done.json()["amount"]["amount"] == 45_000
        [matched] = done.json()["payments"]
        assert matched["reconciliation"] == "reconciled" and matched["deducted_month"] is None
        replayed = await reconcile([(reference, 45_000)], headers=keyed)
        assert replayed.headers["Idempotent-Replayed"] == "true"
        assert replayed.json() == done.json()
        # The same statement again, without the key: refused, nothing reconciled twice.
        again = await reconcile([(reference, 45_000)], statement="ACQ-2026-12-01-again")
        assert again.status_code == 409 and reference in again.json()["detail"]
        listed = await billing.client.get(
            "/v1/payments", params={"unreconciled": "true"}, headers=books.finance
        )
        assert listed.json()["items"] == []
        events = await read_events(
            infrastructure.broker_url, "billing.payments.reconciled.v1", after=billing
        )
        assert [e.data.payment_ids for e in events] == [[uuid.UUID(payment["id"])]]

        # Finance's own transfer names its reference too, and is reconciled as recorded.
        bank = await billing.client.post(
            f"/v1/charges/{second['id']}/payments",
            json=paid(45_000, "transfer", "BANK-991"),
            headers=books.finance,
        )
        assert bank.status_code == 201, bank.text
        assert bank.json()["payments"][0]["reconciliation"] == "reconciled"
        bare = await billing.client.post(
            f"/v1/charges/{second['id']}/payments",
            json=paid(1, "transfer"),
            headers=books.finance,
        )
        assert bare.status_code == 422


async def test_a_partner_is_deducted_for_a_payment_left_unreconciled_and_given_it_back_later(
    start_service, books_for
):
    month, mid = MARCH, START
    clock = SettableClock(START)
    async with start_service("billing", clock=clock, reconcile_within_days=7) as billing:
        partner = books_for(billing)
        await partner.price_list()
        await partner.register_point(is_partner=True)
        own = books_for(billing)
        await own.register_point(is_partner=False)
        references = {}
        for books in (partner, own):
            tech = billing.auth("technician", technician_id=books.technician_id)
            charge = await books.charged(await books.ticket(), completed_at=mid)
            references[books.point_id] = slip()
            r = await billing.client.post(
                f"/v1/charges/{charge['id']}/payments",
                json=paid(45_000, "wallet", references[books.point_id]),
                headers=tech,
            )
            assert r.status_code == 201, r.text
        clock.set(APRIL)  # the payments were taken in March; it is April now

        # Last month the partner's technician recorded a wallet payment nobody has found on a
        # statement since: 450.00 comes off its settlement. The company's own centre: nothing.
        doc = await _statement(billing, month, partner.point_id, partner.finance)
        kinds = {d["kind"]: d["amount"]["amount"] for d in doc["deductions"]}
        assert kinds["unreconciled"] == 45_000
        own_doc = await _statement(billing, month, own.point_id, own.finance)
        assert "unreconciled" not in {d["kind"] for d in own_doc["deductions"]}

        await partner.graded(month)
        closed = await billing.client.post(
            f"/v1/settlements/{month}/close", headers=partner.finance
        )
        assert closed.status_code == 200, closed.text
        [frozen] = [d for d in closed.json()["items"] if d["point_id"] == str(partner.point_id)]
        assert {d["kind"]: d["amount"]["amount"] for d in frozen["deductions"]}[
            "unreconciled"
        ] == 45_000
        listed = await billing.client.get(
            "/v1/payments",
            params={"unreconciled": "true", "point_id": str(partner.point_id)},
            headers=partner.finance,
        )
        [deducted] = listed.json()["items"]
        assert deducted["deducted_month"] == month

        # Found on the wallet's statement now: the deduction is given back this month.
        r = await billing.client.post(
            "/v1/payments/reconcile",
            json={
                "method": "wallet",
                "statement_ref": "ALIPAY-2026-12",
                "payments": [
                    {
                        "reference": references[partner.point_id],
                        "amount": {"amount": 45_000, "currency": "CNY"},
                    }
                ],
            },
            headers=partner.finance,
        )
        assert r.status_code == 200, r.text
        this_month = r.json()["reversed_in"]
        assert this_month is not None and this_month > month
        doc = await _statement(billing, this_month, partner.point_id, partner.finance)
        kinds = {d["kind"]: d["amount"]["amount"] for d in doc["deductions"]}
        assert kinds["unreconciled_reversed"] == -45_000 and "unreconciled" not in kinds
        again = await _statement(billing, month, partner.point_id, partner.finance)
        assert again == frozen


async def test_a_partner_that_hands_cash_to_itself_still_owes_it_until_finance_records_it(
    start_service, books_for, infrastructure
):
    month, mid = MARCH, START
    clock = SettableClock(START)
    async with start_service("billing", clock=clock) as billing:
        books = books_for(billing)
        await books.price_list()
        await books.register_point(is_partner=True)
        tech = billing.auth("technician", technician_id=books.technician_id)
        point = billing.auth("point", point_id=books.point_id)
        ids = []
        for _ in range(3):
            charge = await books.charged(await books.ticket(), completed_at=mid)
            r = await billing.client.post(
                f"/v1/charges/{charge['id']}/payments", json=paid(45_000), headers=tech
            )
            assert r.status_code == 201, r.text
            ids.append(r.json()["payments"][0]["id"])
        kept, remitted, at_desk = ids
        clock.set(APRIL)  # the cash was taken in March; it is April now

        # The abuse: the partner hands its technician's cash over to itself.
        handed = await billing.client.post(
            "/v1/cash-handovers",
            json={"technician_id": str(books.technician_id), "payment_ids": [kept, remitted]},
            headers=point,
        )
        assert handed.status_code == 201, handed.text
        # The technician hands the third straight to the company's cash desk.
        desk = await billing.client.post(
            "/v1/cash-handovers",
            json={"technician_id": str(books.technician_id), "payment_ids": [at_desk]},
            headers=books.finance,
        )
        assert desk.status_code == 201, desk.text

        owed = await billing.client.get(
            "/v1/cash",
            params={"point_id": str(books.point_id), "outstanding": "true"},
            headers=point,
        )
        assert {p["payment_id"]: p["status"] for p in owed.json()["items"]} == {
            kept: "at_office",
            remitted: "at_office",
        }
        assert owed.json()["held"]["amount"] == 90_000
        doc = await _statement(billing, month, books.point_id, books.finance)
        kinds = {d["kind"]: d["amount"]["amount"] for d in doc["deductions"]}
        assert kinds["cash_held"] == 90_000  # still owed: the company has none of it

        async def remit(payment_ids, headers=books.finance, point_id=books.point_id):
            return await billing.client.post(
                "/v1/cash-remittances",
                json={
                    "point_id": str(point_id),
                    "payment_ids": payment_ids,
                    "reference": "BANK-REM-1",
                },
                headers=headers,
            )

        assert (await remit([remitted], headers=point)).status_code == 403
        # Another point's cash in this point's remittance: refused, nothing remitted.
        other = books_for(billing)
        await other.register_point(is_partner=True)
        other_charge = await other.charged(await other.ticket())
        r = await billing.client.post(
            f"/v1/charges/{other_charge['id']}/payments",
            json=paid(45_000),
            headers=billing.auth("technician", technician_id=other.technician_id),
        )
        stranger = r.json()["payments"][0]["id"]
        mixed = await remit([remitted, stranger])
        assert mixed.status_code == 422 and "another point" in mixed.json()["detail"]
        doc = await _statement(billing, month, books.point_id, books.finance)
        assert {d["kind"]: d["amount"]["amount"] for d in doc["deductions"]}["cash_held"] == 90_000

        keyed = {**books.finance, "Idempotency-Key": "remit-1"}
        done = await remit([remitted], headers=keyed)
        assert done.status_code == 201, done.text
        assert done.json()["amount"]["amount"] == 45_000
        replay = await remit([remitted], headers=keyed)
        assert replay.headers["Idempotent-Replayed"] == "true" and replay.json() == done.json()
        twice = await remit([remitted])
        assert twice.status_code == 409 and "remitted already" in twice.json()["detail"]
        events = await read_events(
            infrastructure.broker_url, "billing.cash.remitted.v1", after=billing
        )
        by_reference = {e.data.reference: e.data.payment_ids for e in events}
        assert by_reference["BANK-REM-1"] == [uuid.UUID(remitted)]
        assert len(events) == 2  # this remittance and the cash desk's handover

        doc = await _statement(billing, month, books.point_id, books.finance)
        assert {d["kind"]: d["amount"]["amount"] for d in doc["deductions"]}["cash_held"] == 45_000
        await books.graded(month)
        closed = await billing.client.post(f"/v1/settlements/{month}/close", headers=books.finance)
        assert closed.status_code == 200, closed.text
        after = await billing.client.get(
            "/v1/cash", params={"point_id": str(books.point_id)}, headers=books.finance
        )
        assert {p["payment_id"]: p["status"] for p in after.json()["items"]} == {
            kept: "netted",
            remitted: "remitted",
            at_desk: "remitted",
        }
        late = await remit([kept])
        assert late.status_code == 409 and "netted" in late.json()["detail"]


async def test_a_company_points_office_handover_ends_it_and_owes_no_remittance(
    start_service, books_for
):
    async with start_service("billing") as billing:
        books = books_for(billing)
        await books.price_list()
        await books.register_point(is_partner=False)
        charge = await books.charged(await books.ticket())
        r = await billing.client.post(
            f"/v1/charges/{charge['id']}/payments",
            json=paid(45_000),
            headers=billing.auth("technician", technician_id=books.technician_id),
        )
        payment = r.json()["payments"][0]["id"]
        point = billing.auth("point", point_id=books.point_id)
        handed = await billing.client.post(
            "/v1/cash-handovers",
            json={"technician_id": str(books.technician_id), "payment_ids": [payment]},
            headers=point,
        )
        assert handed.status_code == 201, handed.text
        owed = await billing.client.get("/v1/cash", params={"outstanding": "true"}, headers=point)
        assert owed.json()["items"] == [] and owed.json()["held"]["amount"] == 0
        refused = await billing.client.post(
            "/v1/cash-remittances",
            json={"point_id": str(books.point_id), "payment_ids": [payment], "reference": "X"},
            headers=books.finance,
        )
        assert refused.status_code == 422 and "not a partner" in refused.json()["detail"]
        listed = await billing.client.get(
            "/v1/cash", params={"point_id": str(books.point_id)}, headers=books.finance
        )
        assert [p["status"] for p in listed.json()["items"]] == ["handed_over"]
