"""Claims review through billing's API, on real PostgreSQL and NATS: each rule flags a charge
with its figure and norm, a held charge stays out of invoices and settlements until finance
clears or adjusts it, a job or callback delivered twice is flagged once, and the scheduled
checks flag the money the field has held too long, once per payment."""

import uuid
from datetime import UTC, datetime, timedelta

from aftersales.events import dispatch, feedback
from aftersales_testing.apps import SettableClock, handled
from aftersales_testing.factories import read_events
from billing.use_cases.reviews import check_field_money

from .money_helpers import cash

START = datetime(2026, 3, 10, 2, 0, tzinfo=UTC)  # 10:00 in Shanghai
MARCH = "2026-03"
SCANNED_BY_THE_TEST = {"worker_poll_seconds": 3600}


async def _reviews(billing, headers, **params):
    r = await billing.client.get("/v1/reviews", params=params, headers=headers)
    assert r.status_code == 200, r.text
    return r.json()["items"]


async def _statement(billing, month, point_id, headers):
    r = await billing.client.get(
        "/v1/settlements", params={"month": month, "point_id": str(point_id)}, headers=headers
    )
    assert r.status_code == 200, r.text
    [doc] = r.json()["items"]
    return doc


async def _charge(billing, charge_id, headers):
    r = await billing.client.get(f"/v1/charges/{charge_id}", headers=headers)
    assert r.status_code == 200, r.text
    return r.json()


async def test_inflated_labour_is_held_against_the_network_norm_then_adjusted(
    start_service, books_for
):
    rules = {"labour_above_norm": {"min_jobs": 3, "action": "hold"}}
    clock = SettableClock(START)
    async with start_service(
        "billing", clock=clock, review_rules=rules, **SCANNED_BY_THE_TEST
    ) as billing:
        books = books_for(billing)
        await books.price_list()
        for _ in range(4):  # yesterday's jobs set the norm: 60 minutes
            await books.charged(
                await books.ticket(), labor_minutes=60, completed_at=START - timedelta(days=1)
            )
        at_norm = await books.charged(await books.ticket(), labor_minutes=60, completed_at=START)
        assert at_norm["held"] is False
        inflated = await books.charged(await books.ticket(), labor_minutes=200, completed_at=START)
        assert inflated["held"] is True and "labour above norm" in inflated["held_reason"]
        assert inflated["auto_invoice_at"] is None

        [flag] = await _reviews(
            billing,
            books.finance,
            status="open",
            rule="labour_above_norm",
            point_id=str(books.point_id),
        )
        assert flag["charge_id"] == inflated["id"] and flag["action"] == "hold"
        assert (flag["figure"], flag["norm"]) == (200, 60)
        assert "95th percentile" in flag["reason"] and "4 jobs" in flag["reason"]
        # The point's manager sees why; another point sees nothing of it.
        mine = billing.auth("point", point_id=books.point_id)
        assert [f["id"] for f in await _reviews(billing, mine)] == [flag["id"]]
        other = billing.auth("point", point_id=uuid.uuid4())
        assert await _reviews(billing, other) == []
        refused = await billing.client.post(
            f"/v1/reviews/{flag['id']}/clear", json={"note": "fine"}, headers=mine
        )
        assert refused.status_code == 403

        # The statement leaves it out, and lists it with its reason.
        doc = await _statement(billing, MARCH, books.point_id, books.finance)
        assert doc["jobs"] == 5
        [held] = doc["held"]
        assert held["charge_id"] == inflated["id"]
        assert held["reasons"][0]["rule"] == "labour_above_norm"

        body = {
            "note": "140 minutes were not worked",
            "credit": {"amount": 9_600, "currency": "CNY"},
            "point_deduction": {"amount": 3_000, "currency": "CNY"},
        }
        url = f"/v1/reviews/{flag['id']}/adjust"
        adjusted = await billing.client.post(url, json=body, headers=books.finance)
        assert adjusted.status_code == 200, adjusted.text
        done = adjusted.json()
        assert done["status"] == "adjusted" and done["cleared_by"]
        assert done["correction"]["credit_note_number"].startswith("CN-")
        assert done["correction"]["point_deduction"] == 3_000

        charge = await _charge(billing, inflated["id"], books.finance)
        assert charge["held"] is False and charge["auto_invoice_at"] is not None
        assert charge["credited"]["amount"] == 9_600
        doc = await _statement(billing, MARCH, books.point_id, books.finance)
        assert doc["jobs"] == 6 and doc["held"] == []
        kinds = {d["kind"]: d["amount"]["amount"] for d in doc["deductions"]}
        assert kinds["review_adjustment"] == 3_000

        # Decided already: a second adjustment or a clear is refused and issues nothing.
        again = await billing.client.post(url, json=body, headers=books.finance)
        assert again.status_code == 409 and "adjusted already" in again.json()["detail"]
        cleared = await billing.client.post(
            f"/v1/reviews/{flag['id']}/clear", json={"note": "x"}, headers=books.finance
        )
        assert cleared.status_code == 409
        notes = await billing.client.get(
            f"/v1/charges/{inflated['id']}/credit-notes", headers=books.finance
        )
        assert len(notes.json()) == 1
        audit = await billing.client.get(
            "/v1/audit", params={"object_type": "review"}, headers=billing.auth("admin")
        )
        assert [e["action"] for e in audit.json()["items"]] == ["adjusted"]

        events = await read_events(books.nats_url, "billing.review.flagged.v1", after=billing)
        [event] = [e for e in events if str(e.data.review_id) == flag["id"]]
        assert event.data.rule == "labour_above_norm" and event.data.figure == 200


async def test_a_customer_who_says_no_one_came_holds_the_charge_once(start_service, books_for):
    async with start_service("billing") as billing:
        books = books_for(billing)
        await books.price_list()
        ticket = await books.ticket()
        charge = await books.charged(ticket)
        assert charge["held"] is False
        callback = feedback.CallbackRecorded(
            callback_id=uuid.uuid4(),
            ticket_id=ticket.data.ticket_id,
            job_id=uuid.UUID(charge["job_id"]),
            point_id=books.point_id,
            reached=True,
            outcome="unsatisfied",
            recorded_at=datetime.now(UTC),
            visit_confirmed="no",
        )
        for msg_id in ("first", "again"):  # delivered twice
            env = await books.publish(
                callback,
                "feedback",
                callback.callback_id,
                msg_id=f"{callback.callback_id}-{msg_id}",
            )
            await handled(billing, env)
        [flag] = await _reviews(billing, books.finance, rule="no_visit")
        assert flag["action"] == "hold" and flag["details"]["callback_id"] == str(
            callback.callback_id
        )
        held = await _charge(billing, charge["id"], books.finance)
        assert held["held"] is True and "no one came" in held["held_reason"]
        invoice = await billing.client.post(
            f"/v1/charges/{charge['id']}/invoice", headers=books.finance
        )
        assert invoice.status_code == 409

        # A basis belongs to a late report's flag only: refused, and nothing changes.
        wrong = await billing.client.post(
            f"/v1/reviews/{flag['id']}/clear",
            json={"note": "x", "basis": "reported"},
            headers=books.finance,
        )
        assert wrong.status_code == 422
        assert (await _charge(billing, charge["id"], books.finance))["held"] is True

        r = await billing.client.post(
            f"/v1/reviews/{flag['id']}/clear",
            json={"note": "the customer's son let the technician in"},
            headers=books.finance,
        )
        assert r.status_code == 200, r.text
        assert (await _charge(billing, charge["id"], books.finance))["held"] is False
        twice = await billing.client.post(
            f"/v1/reviews/{flag['id']}/clear", json={"note": "again"}, headers=books.finance
        )
        assert twice.status_code == 409 and "cleared already" in twice.json()["detail"]
        assert (await _reviews(billing, books.finance, status="open")) == []


async def test_a_job_delivered_twice_is_flagged_once_and_an_adjustment_goes_to_the_open_month(
    start_service, books_for
):
    clock = SettableClock(START)
    async with start_service("billing", clock=clock, **SCANNED_BY_THE_TEST) as billing:
        books = books_for(billing)
        await books.price_list()
        job = books.completed(
            await books.ticket(), labor_minutes=800, completed_at=START - timedelta(days=20)
        )
        for msg_id in ("first", "again"):
            env = await books.publish(job, "dispatch", job.job_id, msg_id=f"{job.job_id}-{msg_id}")
            await handled(billing, env)
        charge = await books.charge_of(job.job_id)
        assert charge["month"] == "2026-02" and charge["held"] is True
        [flag] = await _reviews(billing, books.finance)
        assert flag["rule"] == "implausible_labour" and (flag["figure"], flag["norm"]) == (800, 720)

        closed = await billing.client.post(
            "/v1/settlements/2026-02/close",
            json={"force": True, "reason": "the test closes February"},
            headers=books.finance,
        )
        assert closed.status_code == 200, closed.text
        [february] = [d for d in closed.json()["items"] if d["point_id"] == str(books.point_id)]
        assert february["jobs"] == 0 and february["held"][0]["charge_id"] == charge["id"]

        r = await billing.client.post(
            f"/v1/reviews/{flag['id']}/adjust",
            json={"note": "8 hours, not 13", "point_deduction": {"amount": 4_000}},
            headers=books.finance,
        )
        assert r.status_code == 200, r.text
        assert r.json()["correction"]["month"] == MARCH
        released = await _charge(billing, charge["id"], books.finance)
        assert released["held"] is False and released["month"] == MARCH
        march = await _statement(billing, MARCH, books.point_id, books.finance)
        assert {d["kind"] for d in march["deductions"]} >= {"review_adjustment"}
        assert march["jobs"] == 1
        frozen = await _statement(billing, "2026-02", books.point_id, books.finance)
        assert frozen == february


async def test_thresholds_are_a_dated_policy_and_a_rule_switched_off_keeps_its_flags(
    start_service, books_for
):
    clock = SettableClock(START)
    async with start_service("billing", clock=clock, **SCANNED_BY_THE_TEST) as billing:
        books = books_for(billing)
        await books.price_list()
        admin = billing.auth("admin")
        url = "/v1/policies/billing.review_rules"
        for bad in (
            {"repeat_visit": {"within_days": -3}},
            {"customer_jobs": {"max_per_month": "five"}},
            {"implausible_labour": {"max": "a lot"}},
        ):
            r = await billing.client.post(
                f"{url}/versions",
                json={"value": bad, "effective_from": START.isoformat()},
                headers=admin,
            )
            assert r.status_code == 422, r.text
        r = await billing.client.get(url, headers=admin)
        assert [v["number"] for v in r.json()["versions"]] == [1]

        flagged = await books.charged(
            await books.ticket(), labor_minutes=800, completed_at=START - timedelta(hours=1)
        )
        off = {"implausible_labour": {"max": 720, "enabled": False}}
        r = await billing.client.post(
            f"{url}/versions",
            json={"value": off, "effective_from": START.isoformat()},
            headers=admin,
        )
        assert r.status_code == 201, r.text
        assert (
            await billing.client.post(f"{url}/versions/2/approve", headers=admin)
        ).status_code == 200
        clock.advance(timedelta(minutes=1))
        not_flagged = await books.charged(
            await books.ticket(), labor_minutes=800, completed_at=clock.now()
        )
        assert not_flagged["held"] is False
        [flag] = await _reviews(billing, books.finance, status="open")
        assert flag["charge_id"] == flagged["id"]
        assert (await _charge(billing, flagged["id"], books.finance))["held"] is True


async def test_repeat_visits_a_customers_many_jobs_and_parts_off_the_model_are_marked(
    start_service, books_for
):
    rules = {"customer_jobs": {"max_per_month": 2}}
    async with start_service("billing", review_rules=rules) as billing:
        books = books_for(billing)
        await books.price_list()
        first = await books.ticket()
        customer = first.data.customer
        await books.charged(first, serial_no="SN-77", completed_at=START - timedelta(days=5))
        second = await books.ticket(customer=customer)
        repeat = await books.charged(second, serial_no="SN-77", completed_at=START)
        third = await books.ticket(customer=customer)
        parts = [
            dispatch.PartUsed(sku="PUMP-01", qty=2, on_model=True),
            dispatch.PartUsed(sku="BELT-02", qty=2, on_model=False),
        ]
        many = await books.charged(third, parts=parts, completed_at=START + timedelta(hours=1))
        # A second visit on the same ticket is a rework, not a repeat claim.
        own = await books.ticket()
        await books.charged(own, serial_no="SN-88", completed_at=START - timedelta(days=2))
        await books.charged(own, serial_no="SN-88", visit_number=2, completed_at=START)
        flags = {(f["charge_id"], f["rule"]): f for f in await _reviews(billing, books.finance)}
        assert set(flags) == {
            (repeat["id"], "repeat_visit"),
            (many["id"], "customer_jobs"),
            (many["id"], "parts_above_norm"),
            (many["id"], "part_not_on_model"),
        }
        assert flags[(repeat["id"], "repeat_visit")]["figure"] == 5.0
        assert flags[(many["id"], "customer_jobs")]["figure"] == 3
        assert flags[(many["id"], "part_not_on_model")]["details"]["skus"] == ["BELT-02"]
        assert all(f["action"] == "mark" for f in flags.values())
        assert repeat["held"] is False and many["held"] is False


async def test_cash_and_payments_the_field_holds_too_long_are_flagged_once(
    start_service, books_for
):
    clock = SettableClock(START)
    async with start_service(
        "billing", clock=clock, reconcile_within_days=5, **SCANNED_BY_THE_TEST
    ) as billing:
        books = books_for(billing)
        await books.price_list()
        await books.register_point(is_partner=True)
        tech = billing.auth("technician", technician_id=books.technician_id)
        for method, reference in (("cash", None), ("wallet", "ALI-0001")):
            charge = await books.charged(await books.ticket(), completed_at=START)
            r = await billing.client.post(
                f"/v1/charges/{charge['id']}/payments",
                json=cash(45_000, method, reference),
                headers=tech,
            )
            assert r.status_code == 201, r.text
        policy = billing.app.state.policy

        clock.set(START + timedelta(days=5) - timedelta(minutes=1))
        assert await check_field_money(billing.db, policy) == 0
        clock.set(START + timedelta(days=5))
        assert await check_field_money(billing.db, policy) == 1  # the wallet payment
        clock.set(START + timedelta(days=7))
        assert await check_field_money(billing.db, policy) == 1  # the cash
        clock.set(START + timedelta(days=30))
        assert await check_field_money(billing.db, policy) == 0  # once per finding

        flags = {f["rule"]: f for f in await _reviews(billing, books.finance, status="open")}
        assert set(flags) == {"payment_unreconciled", "cash_unremitted"}
        assert flags["cash_unremitted"]["subject"] == "cash"
        assert (flags["cash_unremitted"]["figure"], flags["cash_unremitted"]["norm"]) == (7.0, 7)
        assert flags["payment_unreconciled"]["norm"] == 5
        events = await read_events(books.nats_url, "billing.review.flagged.v1", after=billing)
        assert sorted(e.data.rule for e in events) == ["cash_unremitted", "payment_unreconciled"]
        adjust = await billing.client.post(
            f"/v1/reviews/{flags['cash_unremitted']['id']}/adjust",
            json={"note": "x", "point_deduction": {"amount": 1}},
            headers=books.finance,
        )
        assert adjust.status_code == 422
