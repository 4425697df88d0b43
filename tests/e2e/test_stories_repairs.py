"""The stories of a request on its way to closed, end to end, through HTTP only, with the four
services running as separate processes exactly as `make run` runs them: repaired on site for free
and told to the CRM by webhook, repaired in the workshop and paid, covered by a contract, reworked
until fixed, solved on the phone or cancelled."""

from datetime import UTC, datetime, timedelta

import pytest

from aftersales_testing.apps import eventually
from aftersales_testing.factories import SIGNATURE
from aftersales_testing.webhooks import deliveries_of, standard_webhooks_valid
from aftersales_testing.world import World

pytestmark = pytest.mark.asyncio(loop_scope="session")


async def test_1_in_warranty_repair_fixed_on_site_is_free_and_closed_after_a_happy_callback(
    world: World, webhook_receiver
):
    crm = world.stack.auth("crm", tenant_id="story-1")
    hook = await world.ok(
        await world.intake.post(
            "/v1/webhooks",
            json={"url": webhook_receiver.url, "events": ["intake.ticket.>"]},
            headers=crm,
        ),
        201,
    )
    point, [tech] = await world.point("S1-POINT", "510001")
    customer, product = await world.customer("510001", in_warranty=True, headers=crm)
    ticket = await world.ticket(customer, product, headers=crm, channel="crm")
    job = await world.job(ticket["id"], status="offered")
    assert job["point_id"] == point["id"]
    job = await world.book(job, point, tech)
    await world.fix_on_site(job, tech)
    charge = await world.charge(job["id"])
    assert charge["service_class"] == "C" and charge["customer_total"]["amount"] == 0
    await world.call_back(job["id"], "satisfied")
    closed = await world.ticket_becomes(ticket["id"], "closed")
    assert closed["charge"]["service_class"] == "C"

    expected = ["dispatched", "scheduled", "in_progress", "completed", "closed"]

    async def all_delivered():
        changes = [
            d
            for d in deliveries_of(webhook_receiver)
            if d["type"] == "intake.ticket.status_changed.v1"
            and d["data"]["ticket_id"] == ticket["id"]
        ]
        return changes if len(changes) >= len(expected) else None

    changes = await eventually(all_delivered, timeout=30)
    in_order = sorted(changes, key=lambda c: c["data"]["changed_at"])
    assert [c["data"]["status"] for c in in_order] == expected
    assert [c["data"]["previous_status"] for c in in_order] == ["open", *expected[:-1]]
    for headers, body in webhook_receiver.deliveries:
        assert standard_webhooks_valid(hook["secret"], headers, body)


async def test_2_out_of_warranty_workshop_repair_is_paid_on_site_and_invoiced(world: World):
    point, [tech] = await world.point("S2-POINT", "510002")
    customer, product = await world.customer("510002", in_warranty=False)
    ticket = await world.ticket(customer, product)
    job = await world.book(await world.job(ticket["id"], status="offered"), point, tech)
    await world.report(job, tech, "en_route")
    await world.report(job, tech, "on_site", travel_km=25)
    taken = await world.report(job, tech, "taken_to_workshop", signature=SIGNATURE)
    receipt = taken["receipt_no"]
    assert receipt.startswith("RC-")
    await world.report(
        job,
        tech,
        "repaired",
        labor_minutes=100,
        parts=[{"sku": "COMP-7", "qty": 1}, {"sku": "FAN-2", "qty": 1}],
    )
    await world.report(job, tech, "inspected", headers=world.as_point(point))
    await world.report(job, tech, "returned", signature=SIGNATURE)
    card = await world.ok(
        await world.dispatch.get(f"/v1/jobs/{job['id']}/repair-card", headers=world.agent)
    )
    assert card["receipt_no"] == receipt and card["receipt_status"] == "voided"
    assert [e["direction"] for e in card["log"]] == ["in", "out"]

    charge = await world.charge(job["id"])
    assert charge["service_class"] == "A"
    kinds = {
        line["kind"]: line["customer_pays"]["amount"]
        for line in charge["lines"]
        if line["kind"] != "part"
    }
    assert kinds == {"callout": 5_000, "labour": 21_000, "travel": 3_000}  # 7 quarters of 120/h
    total = charge["customer_total"]["amount"]
    assert total == 5_000 + 21_000 + 80_000 + 6_000 + 3_000
    paid = await world.ok(
        await world.billing.post(
            f"/v1/charges/{charge['id']}/payments",
            json={"method": "cash", "amount": {"amount": total, "currency": "CNY"}},
            headers=world.as_tech(tech),
        ),
        201,
    )
    assert paid["status"] == "paid"
    invoice = await world.ok(
        await world.billing.post(f"/v1/charges/{charge['id']}/invoice", headers=world.finance), 201
    )
    assert invoice["number"].startswith("INV-") and invoice["amount"]["amount"] == total
    await world.call_back(job["id"], "satisfied")
    closed = await world.ticket_becomes(ticket["id"], "closed")
    assert closed["charge"]["service_class"] == "A"


async def test_3_a_contract_covered_product_is_class_b_and_uses_a_visit(world: World):
    point, [tech] = await world.point("S3-POINT", "510003")
    customer, product = await world.customer("510003", in_warranty=False)
    today = datetime.now(UTC).date()
    body = {
        "contract_no": "MC-STORY-3",
        "customer_id": customer["id"],
        "product_ids": [product["id"]],
        "starts_on": (today - timedelta(days=10)).isoformat(),
        "ends_on": (today + timedelta(days=355)).isoformat(),
        "covers": {"labor": True, "parts": True, "travel": True},
        "visits_included": 4,
    }

    async def signed():  # billing learns of the product from intake's event
        r = await world.billing.post("/v1/contracts", json=body, headers=world.finance)
        return None if "not a registered product" in r.text else r

    contract = await world.ok(await eventually(signed), 201)
    ticket = await world.ticket(customer, product, kind="repair")
    job = await world.book(await world.job(ticket["id"], status="offered"), point, tech)
    await world.fix_on_site(job, tech, parts=[{"sku": "FAN-2", "qty": 1}])
    charge = await world.charge(job["id"])
    assert charge["service_class"] == "B" and charge["contract_id"] == contract["id"]
    assert charge["customer_total"]["amount"] == 0 and charge["company_cost"]["amount"] > 0
    after = await world.ok(
        await world.billing.get(f"/v1/contracts/{contract['id']}", headers=world.agent)
    )
    assert (after["visits_used"], after["visits_left"]) == (1, 3)


async def test_5_not_fixed_twice_goes_to_another_point_and_is_closed_when_satisfied(world: World):
    first, [tech1] = await world.point("S5-A-FIRST", "510005")
    customer, product = await world.customer("510005", in_warranty=True)
    ticket = await world.ticket(customer, product)
    job1 = await world.book(await world.job(ticket["id"], status="offered"), first, tech1)
    second, [tech2] = await world.point("S5-B-SECOND", "510005")
    await world.fix_on_site(job1, tech1)
    await world.call_back(job1["id"], "unsatisfied", score=2)  # reopens the ticket

    job2 = await world.job(ticket["id"], visit=2, status="offered")
    assert job2["point_id"] == first["id"]  # rework goes back to the same point
    job2 = await world.book(job2, first, tech1)
    await world.fix_on_site(job2, tech1)
    await world.call_back(job2["id"], "not_fixed_repeat", score=1)

    job3 = await world.job(ticket["id"], visit=3, status="offered")
    assert job3["point_id"] == second["id"]  # not fixed after several visits: another point
    job3 = await world.book(job3, second, tech2)
    await world.fix_on_site(job3, tech2)
    await world.call_back(job3["id"], "satisfied")
    closed = await world.ticket_becomes(ticket["id"], "closed")
    assert closed["reopen_count"] == 2


async def test_8_remote_resolution_and_cancellation_before_and_after_departure(world: World):
    point, [tech] = await world.point("S8-POINT", "510008")
    customer, product = await world.customer("510008", in_warranty=False)
    phoned = await world.ticket(customer, product, kind="consultation")
    solved = await world.ok(
        await world.intake.post(
            f"/v1/tickets/{phoned['id']}/resolve-remotely",
            json={"note": "reset the remote"},
            headers=world.agent,
        )
    )
    assert solved["status"] == "resolved_remotely"

    async def free_charge():
        r = await world.billing.get(
            "/v1/charges", params={"ticket_id": phoned["id"]}, headers=world.agent
        )
        return r.json()["items"]

    [charge] = await eventually(free_charge, timeout=30)
    assert charge["customer_total"]["amount"] == 0 and charge["job_id"] is None

    early = await world.ticket(customer, product)
    job = await world.book(await world.job(early["id"], status="offered"), point, tech)
    await world.ticket_becomes(early["id"], "scheduled")
    await world.ok(
        await world.intake.post(
            f"/v1/tickets/{early['id']}/cancel",
            json={"reason": "fixed it myself"},
            headers=world.agent,
        )
    )
    await world.job(early["id"], status="cancelled")

    late = await world.ticket(customer, product)
    job = await world.book(await world.job(late["id"], status="offered"), point, tech)
    await world.report(job, tech, "en_route")
    await world.ticket_becomes(late["id"], "in_progress")
    refused = await world.intake.post(
        f"/v1/tickets/{late['id']}/cancel", json={"reason": "too late"}, headers=world.agent
    )
    assert refused.status_code == 409
