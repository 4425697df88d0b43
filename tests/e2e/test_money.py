"""Money as the original document keeps it, end to end on the four services as processes:
a contract billed quarterly whose planned maintenance visit intake opens and a point does under
the contract; a misuse exclusion that finance overturns; a late arrival whose cause finance
accepts; the cash taken on site handed over to the partner's office, still owed until finance
records the partner's remittance; a card payment reconciled with the acquirer's statement; a
三包 refund with no sale price recorded, paid out once finance approved it.

The late arrival is made by moving the booked window back in dispatch's table (an appointment
in the past cannot be booked): the one step of the story that is not an API call.
"""

import uuid
from datetime import UTC, date, datetime, timedelta

import asyncpg
import pytest

from aftersales_testing.apps import eventually
from aftersales_testing.factories import SIGNATURE
from aftersales_testing.world import World


@pytest.fixture(scope="module")
def process_stack_env():
    return {"BILLING_WORKER_POLL_SECONDS": "1", "BILLING_MAINTENANCE_LEAD_DAYS": "90"}


async def visited(world: World, ticket: dict, point: dict, tech: dict, **report) -> dict:
    job = await world.book(await world.job(ticket["id"], status="offered"), point, tech)
    await world.fix_on_site(job, tech, **report)
    return await world.charge(job["id"])


async def test_a_contract_earns_plans_its_visit_and_corrections_cash_and_refunds_follow_the_rules(
    world: World, admin_dsn: str
):
    point, [tech] = await world.point("MONEY-1", "320102")
    finance = world.finance

    # A contract billed quarterly, two planned visits a year.
    customer, product = await world.customer("320102", in_warranty=False)
    today = date.today()
    body = {
        "contract_no": f"MC-{uuid.uuid4().hex[:6]}",
        "customer_id": customer["id"],
        "product_ids": [product["id"]],
        "starts_on": (today - timedelta(days=10)).isoformat(),
        "ends_on": (today + timedelta(days=354)).isoformat(),
        "covers": {"labor": True, "parts": True, "travel": True},
        "visits_included": 4,
        "fee": 60_000,
        "schedule": "quarterly",
        "maintenance_visits_per_year": 2,
    }

    async def signed():
        r = await world.billing.post("/v1/contracts", json=body, headers=finance)
        return r.json() if r.status_code == 201 else None  # once billing knows the product

    contract = await eventually(signed, timeout=30)

    async def first_quarter_invoiced():
        r = await world.billing.get(f"/v1/contracts/{contract['id']}/billing", headers=finance)
        return r.json() if r.json()["invoices"] else None

    detail = await eventually(first_quarter_invoiced, timeout=30)
    [invoice] = detail["invoices"]
    assert invoice["number"].startswith("CI-") and invoice["amount"]["amount"] == 60_000
    await world.ok(
        await world.billing.post(
            f"/v1/contract-invoices/{invoice['id']}/payments",
            json={"method": "transfer", "amount": {"amount": 60_000, "currency": "CNY"}},
            headers=finance,
        ),
        201,
    )

    # Intake opens the planned visit's maintenance ticket; the point does it under contract.
    async def planned_ticket():
        r = await world.intake.get(
            "/v1/tickets", params={"customer_id": customer["id"]}, headers=world.agent
        )
        found = [t for t in r.json()["items"] if t["channel"] == "contract"]
        return found[0] if found else None

    maintenance = await eventually(planned_ticket, timeout=30)
    assert (
        maintenance["kind"] == "maintenance" and body["contract_no"] in maintenance["description"]
    )
    charge = await visited(world, maintenance, point, tech)
    assert charge["service_class"] == "B" and charge["customer_total"]["amount"] == 0
    got = await world.ok(
        await world.billing.get(f"/v1/contracts/{contract['id']}", headers=finance)
    )
    assert got["visits_used"] == 1

    # A misuse exclusion: paid service until finance overturns it with a credit note.
    owner, in_warranty = await world.customer("320102", in_warranty=True)
    misused = await visited(
        world,
        await world.ticket(owner, in_warranty),
        point,
        tech,
        outcome="misuse",
        note="the outdoor unit was used as a step",
    )
    assert misused["service_class"] == "A" and "misuse" in misused["class_reason"]
    owed = misused["customer_total"]["amount"]
    overturned = await world.ok(
        await world.billing.post(
            f"/v1/charges/{misused['id']}/exclusion/overturn",
            json={"reason": "the bracket gave way, not the customer's doing"},
            headers=finance,
        )
    )
    assert overturned["charge"]["service_class"] == "C"
    assert overturned["credit_note"]["amount"]["amount"] == owed

    # A late arrival the customer caused: the compensation waived, the point not deducted.
    payer, old_product = await world.customer("320102", in_warranty=False)
    late_ticket = await world.ticket(payer, old_product)
    job = await world.book(await world.job(late_ticket["id"], status="offered"), point, tech)
    conn = await asyncpg.connect(admin_dsn)
    try:
        await conn.execute(
            "UPDATE dispatch.jobs SET appointment_start = $1, appointment_end = $2 WHERE id = $3",
            datetime.now(UTC) - timedelta(hours=5),
            datetime.now(UTC) - timedelta(hours=3),
            uuid.UUID(job["id"]),
        )
    finally:
        await conn.close()
    await world.report(job, tech, "en_route")
    await world.report(
        job,
        tech,
        "on_site",
        travel_km=5,
        delay_cause={"cause": "customer", "note": "nobody home at the booked time"},
    )
    await world.report(job, tech, "resolved_on_site", signature=SIGNATURE, labor_minutes=30)
    late = await world.charge(job["id"])
    assert late["late"]["compensation"]["amount"] > 0
    assert late["late"]["delay_cause"]["cause"] == "customer"
    waived = await world.ok(
        await world.billing.post(
            f"/v1/charges/{late['id']}/late-compensation/waive",
            json={"reason": "the call log shows the customer moved the visit"},
            headers=finance,
        )
    )
    supplementary = waived["supplementary_charge"]
    assert supplementary["number"].startswith("SC-")
    assert supplementary["customer_total"]["amount"] == late["late"]["compensation"]["amount"]

    # Cash taken on site is held by the technician, then by the partner's office: the company
    # has it only once finance records the point's remittance.
    paid = await world.ok(
        await world.billing.post(
            f"/v1/charges/{late['id']}/payments",
            json={"method": "cash", "amount": late["balance"]},
            headers=world.as_tech(tech),
        ),
        201,
    )
    [payment] = paid["payments"]
    held = await world.ok(
        await world.billing.get(
            "/v1/cash",
            params={"technician_id": tech["id"], "outstanding": "true"},
            headers=world.as_point(point),
        )
    )
    assert [p["payment_id"] for p in held["items"]] == [payment["id"]]
    await world.ok(
        await world.billing.post(
            "/v1/cash-handovers",
            json={"technician_id": tech["id"], "payment_ids": [payment["id"]]},
            headers=world.as_point(point),
        ),
        201,
    )

    async def outstanding() -> dict:
        return await world.ok(
            await world.billing.get(
                "/v1/cash",
                params={"point_id": point["id"], "outstanding": "true"},
                headers=finance,
            )
        )

    at_office = await outstanding()
    assert [(p["payment_id"], p["status"]) for p in at_office["items"]] == [
        (payment["id"], "at_office")
    ]
    remittance = {
        "point_id": point["id"],
        "payment_ids": [payment["id"]],
        "reference": f"BANK-{uuid.uuid4().hex[:8]}",
    }
    mine = await world.billing.post(
        "/v1/cash-remittances", json=remittance, headers=world.as_point(point)
    )
    assert mine.status_code == 403  # a partner cannot clear its own debt
    remitted = await world.ok(
        await world.billing.post("/v1/cash-remittances", json=remittance, headers=finance), 201
    )
    assert remitted["amount"] == late["balance"]
    after = await outstanding()
    assert after["items"] == [] and after["held"]["amount"] == 0

    # The customer pays the supplementary charge by card: paid at once, unreconciled until
    # finance matches the slip to the acquirer's statement.
    card = {"method": "card", "amount": supplementary["balance"]}
    pay_card = f"/v1/charges/{supplementary['id']}/payments"
    blind = await world.billing.post(pay_card, json=card, headers=world.as_tech(tech))
    assert blind.status_code == 422
    slip = f"SLIP-{uuid.uuid4().hex[:10]}"
    by_card = await world.ok(
        await world.billing.post(
            pay_card, json={**card, "reference": slip}, headers=world.as_tech(tech)
        ),
        201,
    )
    assert by_card["status"] == "paid"
    assert by_card["payments"][0]["reconciliation"] == "unreconciled"
    waiting = await world.ok(
        await world.billing.get(
            "/v1/payments", params={"unreconciled": "true", "reference": slip}, headers=finance
        )
    )
    assert [p["reference"] for p in waiting["items"]] == [slip]
    reconciled = await world.ok(
        await world.billing.post(
            "/v1/payments/reconcile",
            json={
                "method": "card",
                "statement_ref": f"ACQ-{today.isoformat()}",
                "payments": [{"reference": slip, "amount": supplementary["balance"]}],
            },
            headers=finance,
        )
    )
    assert [p["reconciliation"] for p in reconciled["payments"]] == ["reconciled"]

    # The point's open statement: the waived lateness reversed, nothing else taken off.
    statement = (
        await world.ok(
            await world.billing.get(
                "/v1/settlements",
                params={"month": late["month"], "point_id": point["id"]},
                headers=finance,
            )
        )
    )["items"][0]
    kinds = {d["kind"]: d["amount"]["amount"] for d in statement["deductions"]}
    assert kinds["late_compensation"] + kinds["late_waived"] == 0

    # A 三包 refund: a voucher, paid out once.
    buyer, _ = await world.customer("320102", in_warranty=True)
    fresh = await world.ok(
        await world.intake.post(
            f"/v1/customers/{buyer['id']}/products",
            json={
                "category": "air_conditioner",
                "model": "KFR-35GW",
                "serial_no": uuid.uuid4().hex[:10],
                "purchased_on": today.isoformat(),
                "warranty_months": 12,
            },
            headers=world.agent,
        ),
        201,
    )
    consult = await world.ticket(buyer, fresh, kind="consultation")
    await world.ok(
        await world.intake.post(
            f"/v1/tickets/{consult['id']}/warranty-remedy",
            json={
                "remedy": "refund",
                "reason": "dead on arrival",
                "refund": {"amount": 329_900, "currency": "CNY"},
            },
            headers=world.agent,
        )
    )

    async def voucher_made():
        r = await world.billing.get("/v1/refunds", params={"limit": 2000}, headers=finance)
        found = [x for x in r.json()["items"] if x["ticket_id"] == consult["id"]]
        return found[0] if found else None

    refund = await eventually(voucher_made, timeout=30)
    assert refund["voucher_no"].startswith("RF-") and refund["amount"]["amount"] == 329_900
    # No sale price was recorded for the product: finance checks the proof and approves first.
    pay = f"/v1/refunds/{refund['id']}/pay"
    transfer = {"method": "transfer", "reference": "BANK-42"}
    assert refund["status"] == "awaiting_approval"
    early = await world.billing.post(pay, json=transfer, headers=finance)
    assert early.status_code == 409
    approved = await world.ok(
        await world.billing.post(
            f"/v1/refunds/{refund['id']}/approve",
            json={
                "amount": {"amount": 329_900, "currency": "CNY"},
                "note": "the shop's invoice shows 3,299.00",
            },
            headers=finance,
        )
    )
    assert approved["status"] == "unpaid"
    paid_out = await world.ok(await world.billing.post(pay, json=transfer, headers=finance))
    assert paid_out["status"] == "paid" and paid_out["amount"]["amount"] == 329_900


async def test_an_arrival_dated_into_the_window_but_reported_hours_later_is_held_for_finance(
    world: World, admin_dsn: str
):
    """The technician dates the arrival inside the booked window; dispatch heard of it hours
    after the window ended. By the reports' times nobody owes the customer anything; by the
    times they arrived the customer is owed a day's compensation and the point is deducted it.
    The charge waits for finance, which releases it on the received times."""
    # A region of its own: in MONEY-1's, routing may offer the job to MONEY-1's point.
    point, [tech] = await world.point("MONEY-2", "320109")
    customer, product = await world.customer("320109", in_warranty=False)
    ticket = await world.ticket(customer, product)
    job = await world.book(await world.job(ticket["id"], status="offered"), point, tech)
    now = datetime.now(UTC)
    # The job was offered and booked hours ago (the one step that is not an API call).
    conn = await asyncpg.connect(admin_dsn)
    try:
        await conn.execute(
            "UPDATE dispatch.jobs SET appointment_start = $1, appointment_end = $2 WHERE id = $3",
            now - timedelta(hours=5),
            now - timedelta(hours=3),
            uuid.UUID(job["id"]),
        )
        await conn.execute(
            "UPDATE dispatch.job_offers SET offered_at = $1 WHERE job_id = $2",
            now - timedelta(hours=6),
            uuid.UUID(job["id"]),
        )
    finally:
        await conn.close()

    def hours_ago(h: float) -> str:
        return (now - timedelta(hours=h)).isoformat()

    await world.report(job, tech, "en_route", at=hours_ago(4.5))
    await world.report(job, tech, "on_site", at=hours_ago(4), travel_km=5)
    await world.report(
        job,
        tech,
        "resolved_on_site",
        at=hours_ago(3.5),
        signature=SIGNATURE,
        labor_minutes=30,
    )
    charge = await world.charge(job["id"])
    assert charge["held"] is True and "late report" in charge["held_reason"]
    figures = charge["late_report"]["figures"]
    assert figures["reported"]["compensation"] == 0
    assert figures["received"]["compensation"] > 0
    url = f"/v1/charges/{charge['id']}/release"
    blind = await world.billing.post(url, headers=world.finance)
    assert blind.status_code == 422
    released = await world.ok(
        await world.billing.post(url, json={"basis": "received"}, headers=world.finance)
    )
    assert released["held"] is False
    assert released["late"]["compensation"]["amount"] == figures["received"]["compensation"]
    assert "compensation" in [line["kind"] for line in released["lines"]]
