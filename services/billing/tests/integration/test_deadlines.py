"""Billing's deadlines, reached by moving the service's clock: the same-day invoice of an unpaid
charge (two hours after it is issued or released, the same local day at the latest), a parts
order left unpaid, a contract's fee periods, its planned maintenance visits and its approaching
end, and a month's end (its close, and what the close takes: a partner's unremitted cash, its
technicians' payments left unreconciled). Each fires once, however the clock moves afterwards:
set back before the deadline and forward past it again, nothing fires a second time."""

import uuid
from datetime import UTC, date, datetime, timedelta

from aftersales_testing.apps import SettableClock, drained
from aftersales_testing.factories import parts_order_placed, read_events
from billing.use_cases.contracts import (
    announce_expiring,
    invoice_contracts,
    request_planned_visits,
)
from billing.use_cases.invoices import invoice_due
from billing.use_cases.parts_orders import cancel_unpaid

from .test_contracts import contract_body, registered, sign
from .test_parts_orders import priced

# 10:00 in Shanghai, the network's time zone, on 10 March 2026.
START = datetime(2026, 3, 10, 2, 0, tzinfo=UTC)
# The scanners run when a test calls them: the background pass waits an hour.
SCANNED_BY_THE_TEST = {"worker_poll_seconds": 3600}


def shanghai(day: date, hour: int = 10) -> datetime:
    """``hour`` o'clock in Shanghai on ``day`` (UTC+8, no daylight saving)."""
    return datetime(day.year, day.month, day.day, hour, tzinfo=UTC) - timedelta(hours=8)


def paid(amount, method="cash", reference=None):
    body = {"method": method, "amount": {"amount": amount, "currency": "CNY"}}
    return {**body, "reference": reference} if reference else body


async def _events(broker_url, billing, subject, **match):
    events = await read_events(broker_url, subject, after=billing)
    return [
        e.data for e in events if all(str(getattr(e.data, k)) == str(v) for k, v in match.items())
    ]


async def _invoices_of(billing, books, charge_id):
    r = await billing.client.get("/v1/invoices", headers=books.finance)
    assert r.status_code == 200, r.text
    return [i for i in r.json()["items"] if i["charge_id"] == charge_id]


async def test_an_unpaid_charge_is_invoiced_at_its_time_once_however_the_clock_moves(
    start_service, books_for
):
    clock = SettableClock(START)
    async with start_service("billing", clock=clock, **SCANNED_BY_THE_TEST) as billing:
        policy = billing.app.state.policy
        books = books_for(billing)
        await books.price_list()
        unpaid = await books.charged(await books.ticket(), completed_at=START)
        on_site = await books.charged(await books.ticket(), completed_at=START)
        free = await books.charged(await books.ticket(in_warranty=True), completed_at=START)
        r = await billing.client.post(
            f"/v1/charges/{on_site['id']}/payments", json=paid(45_000), headers=books.finance
        )
        assert r.status_code == 201, r.text
        assert datetime.fromisoformat(unpaid["auto_invoice_at"]) == START + timedelta(hours=2)
        assert free["auto_invoice_at"] is None

        clock.advance(timedelta(hours=1, minutes=59))
        assert await invoice_due(billing.db, policy) == 0
        fired_at = clock.advance(timedelta(minutes=2))
        assert await invoice_due(billing.db, policy) == 2
        [invoice] = await _invoices_of(billing, books, unpaid["id"])
        assert datetime.fromisoformat(invoice["issued_at"]) == fired_at
        [paid_invoice] = await _invoices_of(billing, books, on_site["id"])
        assert paid_invoice["paid"] is True  # paid on site: invoiced all the same, marked paid

        clock.set(START)  # back before the invoice was due
        assert await invoice_due(billing.db, policy) == 0
        clock.set(fired_at + timedelta(days=1))  # and past it again
        assert await invoice_due(billing.db, policy) == 0
        for charge in (unpaid, on_site):
            assert len(await _invoices_of(billing, books, charge["id"])) == 1
        assert await _invoices_of(billing, books, free["id"]) == []


async def test_a_late_charge_is_invoiced_in_the_last_minute_of_its_day(start_service, books_for):
    # 23:00 in Shanghai: two hours later is another day, so the invoice comes at midnight.
    late = shanghai(date(2026, 3, 10), hour=23)
    clock = SettableClock(late)
    async with start_service("billing", clock=clock, **SCANNED_BY_THE_TEST) as billing:
        books = books_for(billing)
        await books.price_list()
        charge = await books.charged(await books.ticket(), completed_at=late)
        due = datetime.fromisoformat(charge["auto_invoice_at"])
        assert due == shanghai(date(2026, 3, 10), hour=23) + timedelta(minutes=59)
        clock.set(due - timedelta(seconds=1))
        assert await invoice_due(billing.db, billing.app.state.policy) == 0
        clock.set(due)
        assert await invoice_due(billing.db, billing.app.state.policy) == 1


async def test_a_held_charge_is_invoiced_only_after_its_release_and_once(start_service, books_for):
    clock = SettableClock(START)
    settings = {**SCANNED_BY_THE_TEST, "max_labour_minutes": 480}
    async with start_service("billing", clock=clock, **settings) as billing:
        policy = billing.app.state.policy
        books = books_for(billing)
        await books.price_list()
        held = await books.charged(await books.ticket(), completed_at=START, labor_minutes=900)
        assert held["held"] is True and held["auto_invoice_at"] is None
        clock.advance(timedelta(days=3))  # long past any same-day invoice: a held one waits
        assert await invoice_due(billing.db, policy) == 0

        released_at = clock.now()
        r = await billing.client.post(
            f"/v1/charges/{held['id']}/release", json={}, headers=books.finance
        )
        assert r.status_code == 200, r.text
        assert datetime.fromisoformat(r.json()["auto_invoice_at"]) == released_at + timedelta(
            hours=2
        )
        fired_at = clock.advance(timedelta(hours=2, minutes=1))
        assert await invoice_due(billing.db, policy) == 1
        clock.set(released_at)
        assert await invoice_due(billing.db, policy) == 0
        clock.set(fired_at + timedelta(days=1))
        assert await invoice_due(billing.db, policy) == 0
        [invoice] = await _invoices_of(billing, books, held["id"])
        assert datetime.fromisoformat(invoice["issued_at"]) == fired_at


async def test_an_unpaid_parts_order_is_cancelled_once_however_the_clock_moves(
    start_service, books_for, infrastructure
):
    clock = SettableClock(START)
    settings = {**SCANNED_BY_THE_TEST, "parts_order_pay_within_days": 3}
    async with start_service("billing", clock=clock, **settings) as billing:
        policy = billing.app.state.policy
        books = books_for(billing)
        await books.price_list()
        ticket_id = uuid.uuid4()
        await books.publish(parts_order_placed(ticket_id, ("BELT-02", 1)), "intake", ticket_id)
        charge = await priced(billing, books, ticket_id)

        clock.advance(timedelta(days=3) - timedelta(minutes=1))
        assert await cancel_unpaid(billing.db, policy) == 0
        fired_at = clock.advance(timedelta(minutes=2))
        assert await cancel_unpaid(billing.db, policy) == 1
        clock.set(START)  # back before its pay-by
        assert await cancel_unpaid(billing.db, policy) == 0
        clock.set(fired_at + timedelta(days=5))  # and past it again
        assert await cancel_unpaid(billing.db, policy) == 0

        await drained(billing)
        cancelled = await _events(
            infrastructure.broker_url,
            billing,
            "billing.parts_order.cancelled.v1",
            ticket_id=ticket_id,
        )
        assert [e.cancelled_at for e in cancelled] == [fired_at]
        notes = await billing.client.get(
            f"/v1/charges/{charge['id']}/credit-notes", headers=books.finance
        )
        assert len(notes.json()) == 1


async def test_a_contracts_periods_visits_and_end_each_fire_once_however_the_clock_moves(
    start_service, books_for, infrastructure
):
    """A quarterly contract from 10 March 2026 to 9 March 2027, with two planned visits a year
    (10 June, 10 December), announced 30 days before its end and each visit asked for 7 days
    before it is due."""
    clock = SettableClock(START)
    async with start_service("billing", clock=clock, **SCANNED_BY_THE_TEST) as billing:
        policy = billing.app.state.policy
        books = books_for(billing)
        product = await registered(books)
        body = contract_body(
            [product],
            starts_on="2026-03-10",
            ends_on="2027-03-09",
            fee=30_000,
            schedule="quarterly",
            maintenance_visits_per_year=2,
        )
        signed = await sign(billing, books, body)
        assert signed.status_code == 201, signed.text
        contract_id = signed.json()["id"]

        async def fired(subject):
            await drained(billing)
            return await _events(
                infrastructure.broker_url, billing, subject, contract_id=contract_id
            )

        # Fee periods: the first as the contract begins, the next as its quarter begins.
        assert await invoice_contracts(billing.db, policy) == 1
        assert await invoice_contracts(billing.db, policy) == 0
        clock.set(shanghai(date(2026, 6, 9)))
        assert await invoice_contracts(billing.db, policy) == 0
        second_quarter = shanghai(date(2026, 6, 10), hour=0)
        clock.set(second_quarter)
        assert await invoice_contracts(billing.db, policy) == 1
        clock.set(START)
        assert await invoice_contracts(billing.db, policy) == 0
        clock.set(second_quarter + timedelta(days=1))
        assert await invoice_contracts(billing.db, policy) == 0
        invoiced = await fired("billing.contract.invoiced.v1")
        assert [e.period_start.isoformat() for e in invoiced] == ["2026-03-10", "2026-06-10"]

        # The first planned visit (10 June) is asked for from 3 June.
        clock.set(shanghai(date(2026, 6, 2)))
        assert await request_planned_visits(billing.db, policy) == 0
        clock.set(shanghai(date(2026, 6, 3), hour=0))
        assert await request_planned_visits(billing.db, policy) == 1
        clock.set(START)
        assert await request_planned_visits(billing.db, policy) == 0
        clock.set(shanghai(date(2026, 6, 20)))
        assert await request_planned_visits(billing.db, policy) == 0
        [visit] = await fired("billing.contract.maintenance_due.v1")
        assert (visit.visit_no, visit.due_on) == (1, date(2026, 6, 10))

        # Its end (9 March 2027) is announced from 7 February.
        clock.set(shanghai(date(2027, 2, 6)))
        assert await announce_expiring(billing.db, policy) == 0
        announced_at = shanghai(date(2027, 2, 7), hour=0)
        clock.set(announced_at)
        assert await announce_expiring(billing.db, policy) == 1
        clock.set(START)
        assert await announce_expiring(billing.db, policy) == 0
        clock.set(shanghai(date(2027, 2, 20)))
        assert await announce_expiring(billing.db, policy) == 0
        [expiring] = await fired("billing.contract.expiring.v1")
        assert expiring.noticed_at == announced_at
        assert expiring.ends_on == date(2027, 3, 9)


async def test_a_month_closes_once_its_last_day_is_over_however_the_clock_moves(
    start_service, books_for, infrastructure
):
    # 23:59 on 31 March in Shanghai; still 15:59 in UTC.
    last_minute = datetime(2026, 3, 31, 15, 59, tzinfo=UTC)
    clock = SettableClock(last_minute)
    async with start_service("billing", clock=clock, **SCANNED_BY_THE_TEST) as billing:
        books = books_for(billing)
        await books.price_list()
        await books.charged(await books.ticket(), completed_at=START)
        await books.graded("2026-03")
        url = "/v1/settlements/2026-03/close"
        early = await billing.client.post(url, headers=books.finance)
        assert early.status_code == 422 and "not over yet" in early.json()["detail"]
        clock.advance(timedelta(minutes=1))  # midnight in Shanghai: April
        closed = await billing.client.post(url, headers=books.finance)
        assert closed.status_code == 200, closed.text
        clock.set(last_minute)  # back in March: it cannot be closed
        assert (await billing.client.post(url, headers=books.finance)).status_code == 422
        clock.set(last_minute + timedelta(days=2))  # and in April again: closed already
        again = await billing.client.post(url, headers=books.finance)
        assert again.status_code == 409, again.text

        await drained(billing)
        statements = await _events(
            infrastructure.broker_url,
            billing,
            "billing.settlement.closed.v1",
            point_id=books.point_id,
        )
        assert [s.month for s in statements] == ["2026-03"]


async def test_what_a_close_takes_from_a_partner_is_taken_in_one_month_only(
    start_service, books_for
):
    """A partner's technician took cash for one job and a wallet payment for another on 10 March,
    and neither was remitted nor reconciled: March's close nets the cash and deducts the
    payment. Closing April, after the clock went back into March and forward again, takes
    neither a second time."""
    clock = SettableClock(START)
    async with start_service(
        "billing", clock=clock, reconcile_within_days=7, **SCANNED_BY_THE_TEST
    ) as billing:
        books = books_for(billing)
        await books.price_list()
        await books.register_point(is_partner=True)
        tech = billing.auth("technician", technician_id=books.technician_id)
        for body in (paid(45_000), paid(45_000, "wallet", f"SLIP-{uuid.uuid4().hex[:8]}")):
            charge = await books.charged(await books.ticket(), completed_at=START)
            r = await billing.client.post(
                f"/v1/charges/{charge['id']}/payments", json=body, headers=tech
            )
            assert r.status_code == 201, r.text

        def taken(doc):
            kinds = {d["kind"]: d["amount"]["amount"] for d in doc["deductions"]}
            return kinds.get("cash_held"), kinds.get("unreconciled")

        clock.set(shanghai(date(2026, 4, 2)))
        await books.graded("2026-03")
        closed = await billing.client.post("/v1/settlements/2026-03/close", headers=books.finance)
        assert closed.status_code == 200, closed.text
        [march] = [d for d in closed.json()["items"] if d["point_id"] == str(books.point_id)]
        assert taken(march) == (45_000, 45_000)

        clock.set(START)  # back in March
        clock.set(shanghai(date(2026, 5, 2)))  # and into May
        r = await billing.client.get(
            "/v1/settlements",
            params={"month": "2026-04", "point_id": str(books.point_id)},
            headers=books.finance,
        )
        assert [taken(d) for d in r.json()["items"]] in ([], [(None, None)])
        await books.graded("2026-04")
        closed = await billing.client.post("/v1/settlements/2026-04/close", headers=books.finance)
        assert closed.status_code == 200, closed.text
        april = [d for d in closed.json()["items"] if d["point_id"] == str(books.point_id)]
        assert [taken(d) for d in april] in ([], [(None, None)])
