"""Spare parts end to end on the four services as processes: a repair that waits for a part
(requisition → shipped → received → the job goes on → repaired with the part issued), the
defective part not returned in time and deducted from the point's settlement, and a customer's
paid parts order shipped within two days of payment and delivered.

The return's day is made to pass by moving its due time back in dispatch's table: the one
step of the story that is not an API call.
"""

import uuid
from datetime import UTC, datetime, timedelta

import asyncpg
import pytest

from aftersales_testing.apps import eventually
from aftersales_testing.factories import SIGNATURE
from aftersales_testing.world import PRICES, World

COMPRESSOR = {
    "sku": "COMP-7",
    "name": "Compressor",
    "categories": ["air_conditioner"],
    "unit": "pcs",
    "standard_cost": 50_000,
    "return_required": True,
    "return_within_days": 1,
}
FAN = {"sku": "FAN-2", "name": "Fan motor", "categories": ["air_conditioner"], "unit": "pcs"}


@pytest.fixture(scope="module")
def process_stack_env():
    return {"DISPATCH_RETURNS_POLL_SECONDS": "1"}


async def stock(world: World, location_id: str, sku: str) -> dict:
    r = await world.dispatch.get(
        "/v1/stock", params={"location_id": location_id, "sku": sku}, headers=world.agent
    )
    [row] = r.json()["items"]
    return row


async def warehouse(world: World, code: str) -> dict:
    await world.ok(await world.billing.put("/v1/price-list", json=PRICES, headers=world.finance))
    return await world.warehouse(code, [COMPRESSOR, FAN], {"COMP-7": 5, "FAN-2": 10})


async def test_a_repair_waits_for_its_part_and_the_late_return_is_deducted(
    world: World, admin_dsn: str
):
    wh = await warehouse(world, "WH-STORY-1")
    point, [tech] = await world.point("PARTS-1", "320101")
    customer, product = await world.customer("320101", in_warranty=True)
    ticket = await world.ticket(customer, product)
    job = await world.book(await world.job(ticket["id"], status="offered"), point, tech)
    await world.report(job, tech, "en_route")
    await world.report(job, tech, "on_site", travel_km=5)
    waiting = await world.report(
        job, tech, "awaiting_parts", parts=[{"sku": "COMP-7", "qty": 1}], note="seized"
    )
    assert waiting["status"] == "awaiting_parts"

    async def ticket_paused():
        r = await world.intake.get(f"/v1/tickets/{ticket['id']}", headers=world.agent)
        return r.json() if r.json()["pause"] else None

    paused = await eventually(ticket_paused, timeout=30)
    assert paused["pause"]["reason"] == "awaiting_parts"

    [req] = await world.ok(
        await world.dispatch.get(
            "/v1/requisitions", params={"point_id": point["id"]}, headers=world.agent
        )
    )
    assert (req["job_id"], req["urgent"], req["status"]) == (job["id"], True, "requested")
    await world.ok(
        await world.dispatch.post(
            f"/v1/requisitions/{req['id']}/approve",
            json={"lines": [{"sku": "COMP-7", "qty": 1}]},
            headers=world.agent,
        )
    )
    await world.ok(
        await world.dispatch.post(
            f"/v1/requisitions/{req['id']}/ship",
            json={"from_location_id": wh["id"], "carrier": "SF", "tracking_no": "SF100"},
            headers=world.agent,
        )
    )
    assert (await stock(world, point["id"], "COMP-7"))["in_transit"] == 1
    received = await world.ok(
        await world.dispatch.post(
            f"/v1/requisitions/{req['id']}/receive",
            json={"lines": [{"sku": "COMP-7", "qty": 1}]},
            headers=world.as_point(point),
        )
    )
    assert received["status"] == "received"
    job = await world.ok(
        await world.dispatch.get(f"/v1/jobs/{job['id']}", headers=world.as_point(point))
    )
    assert job["status"] == "accepted" and job["pause"] is None  # the same visit goes on

    async def resumed():
        r = await world.intake.get(f"/v1/tickets/{ticket['id']}", headers=world.agent)
        return r.json() if r.json()["pause"] is None else None

    await eventually(resumed, timeout=30)
    await world.ok(  # booked again: the same visit
        await world.dispatch.post(
            f"/v1/jobs/{job['id']}/assign",
            json={
                "technician_id": tech["id"],
                "appointment": {
                    "start": (datetime.now(UTC) + timedelta(hours=1)).isoformat(),
                    "end": (datetime.now(UTC) + timedelta(hours=3)).isoformat(),
                },
            },
            headers=world.as_point(point),
        )
    )
    await world.report(job, tech, "en_route")
    await world.report(job, tech, "on_site", travel_km=5)
    await world.report(
        job,
        tech,
        "resolved_on_site",
        signature=SIGNATURE,
        labor_minutes=60,
        parts=[{"sku": "COMP-7", "qty": 1}],
    )
    level = await stock(world, point["id"], "COMP-7")
    assert (level["on_hand"], level["shortfall"]) == (0, 0)  # received one, issued one
    moves = await world.ok(
        await world.dispatch.get(
            "/v1/stock/movements",
            params={"location_id": point["id"], "sku": "COMP-7"},
            headers=world.agent,
        )
    )
    assert [(m["kind"], m["qty"], m["job_id"]) for m in moves["items"]] == [
        ("transfer_in", 1, None),
        ("issue", -1, job["id"]),
    ]

    charge = await world.charge(job["id"])
    assert charge["service_class"] == "C"

    async def due():
        r = await world.dispatch.get(
            "/v1/returns", params={"point_id": point["id"]}, headers=world.agent
        )
        return r.json() or None

    [ret] = await eventually(due, timeout=30)
    assert (ret["sku"], ret["status"]) == ("COMP-7", "due")
    conn = await asyncpg.connect(admin_dsn)  # a day passes
    try:
        await conn.execute(
            "UPDATE dispatch.part_returns SET due_at = now() - interval '1 minute' WHERE id = $1",
            uuid.UUID(ret["id"]),
        )
    finally:
        await conn.close()

    async def deducted():
        r = await world.billing.get(
            "/v1/settlements",
            params={"month": charge["month"], "point_id": point["id"]},
            headers=world.as_point(point),
        )
        [doc] = r.json()["items"]
        kinds = {d["kind"]: d["amount"]["amount"] for d in doc["deductions"]}
        return kinds if "unreturned_part" in kinds else None

    kinds = await eventually(deducted, timeout=30)
    assert kinds["unreturned_part"] == 50_000  # the compressor's standard cost


async def test_a_paid_parts_order_ships_within_two_days_and_closes_on_delivery(world: World):
    wh = await warehouse(world, "WH-STORY-2")
    customer, _ = await world.customer("320102", in_warranty=False)
    order = await world.ok(
        await world.intake.post(
            "/v1/tickets",
            json={
                "customer_id": customer["id"],
                "kind": "parts_order",
                "description": "two fan motors",
                "channel": "hotline",
                "lines": [{"sku": "FAN-2", "qty": 2}],
            },
            headers={**world.agent, "Idempotency-Key": str(uuid.uuid4())},
        ),
        201,
    )
    assert (order["product_id"], order["sla"]["respond_clock"]) == (None, "billing")

    async def priced():
        r = await world.billing.get(
            "/v1/charges", params={"ticket_id": order["id"]}, headers=world.finance
        )
        return r.json()["items"] or None

    [charge] = await eventually(priced, timeout=30)
    assert charge["service_class"] == "A"
    assert charge["customer_total"]["amount"] == 2 * 6_000 + 1_500  # parts at list + shipping
    assert {line["kind"] for line in charge["lines"]} == {"part", "shipping"}
    assert charge["invoice_id"] is None and charge["auto_invoice_at"] is None  # invoiced when paid

    paid = await world.ok(
        await world.billing.post(
            f"/v1/charges/{charge['id']}/payments",
            json={
                "method": "transfer",
                "amount": charge["customer_total"],
                "reference": f"BANK-{uuid.uuid4().hex[:10]}",
            },
            headers=world.finance,
        ),
        201,
    )
    assert paid["status"] == "paid" and paid["invoice_id"] is not None

    async def to_ship():
        r = await world.dispatch.get(
            "/v1/parts-orders", params={"status": "paid"}, headers=world.agent
        )
        return [o for o in r.json() if o["id"] == order["id"]] or None

    [ready] = await eventually(to_ship, timeout=30)
    ship_by = datetime.fromisoformat(ready["ship_by"]) - datetime.fromisoformat(ready["paid_at"])
    assert ship_by == timedelta(hours=48)
    assert ready["ship_to"]["region"] == "320102" and ready["overdue"] is False
    shipped = await world.ok(
        await world.dispatch.post(
            f"/v1/parts-orders/{order['id']}/ship",
            json={"from_location_id": wh["id"], "carrier": "SF", "tracking_no": "SF200"},
            headers=world.agent,
        )
    )
    assert shipped["status"] == "shipped"
    assert (await stock(world, wh["id"], "FAN-2"))["on_hand"] == 8

    async def told_shipped():
        r = await world.intake.get(f"/v1/tickets/{order['id']}", headers=world.agent)
        shipping = r.json()["shipping"] or {}
        return r.json() if shipping.get("shipped_at") else None

    ticket = await eventually(told_shipped, timeout=30)
    assert ticket["shipping"]["shipped_on_time"] is True
    assert ticket["shipping"]["tracking_no"] == "SF200"
    assert ticket["sla"]["responded_at"] is not None  # answered by its priced charge

    await world.ok(
        await world.dispatch.post(f"/v1/parts-orders/{order['id']}/delivered", headers=world.agent)
    )
    ended = await world.ticket_becomes(order["id"], "closed")
    assert ended["closure_reason"] == "delivered"
    r = await world.intake.get(f"/v1/tickets/{order['id']}/timeline", headers=world.agent)
    events = [e["event"] for e in r.json()["entries"]]
    for subject in (
        "intake.parts_order.placed.v1",
        "billing.parts_order.paid.v1",
        "dispatch.parts_order.shipped.v1",
        "dispatch.parts_order.delivered.v1",
    ):
        assert subject in events
