"""Every write on parts that leave or reach a stock — requisitions, defective part returns and
customers' parts orders — leaves one audit record, as the stock routes do."""

import uuid
from datetime import UTC, datetime

from aftersales.events import Envelope, Money, billing, intake
from aftersales_testing.apps import eventually
from aftersales_testing.factories import SIGNATURE, parts_order_placed, publish_raw

BELT = {"sku": "BELT-02", "name": "Drive belt", "categories": ["washing_machine"], "unit": "pcs"}
PUMP = {
    "sku": "PUMP-01",
    "name": "Drain pump",
    "categories": ["washing_machine"],
    "unit": "pcs",
    "standard_cost": 12000,
    "return_required": True,
    "return_within_days": 1,
}
ADDRESS_LINE = "77 Audit Lane"


async def _trail(dispatch, object_type, object_id):
    r = await dispatch.client.get(
        "/v1/audit",
        params={"object_type": object_type, "object_id": str(object_id)},
        headers=dispatch.auth("admin"),
    )
    assert r.status_code == 200, r.text
    return r.json()["items"]


async def _ok(response, status=200):
    assert response.status_code == status, response.text
    return response.json()


async def _warehouse(dispatch, sku, qty):
    admin = dispatch.auth("admin")
    r = await dispatch.client.post(
        "/v1/warehouses", json={"code": f"WH-{uuid.uuid4().hex[:6]}", "name": "W"}, headers=admin
    )
    wh = await _ok(r, 201)
    r = await dispatch.client.post(
        "/v1/stock/receipts",
        json={"location_id": wh["id"], "lines": [{"sku": sku, "qty": qty}]},
        headers=admin,
    )
    await _ok(r, 201)
    return wh


async def test_each_requisition_write_leaves_one_audit_record(start_service, flow_for):
    async with start_service("dispatch") as dispatch:
        flow = flow_for(dispatch)
        agent = dispatch.auth("agent", subject="warehouse-1")
        await dispatch.client.post("/v1/parts", json=BELT, headers=dispatch.auth("admin"))
        warehouse = await _warehouse(dispatch, "BELT-02", 5)
        point, _tech = await flow.point_with_technician()
        me = flow.point_auth(point)
        line = {"lines": [{"sku": "BELT-02", "qty": 2}]}

        async def requested():
            r = await dispatch.client.post("/v1/requisitions", json=line, headers=me)
            return await _ok(r, 201)

        req = await requested()
        base = f"/v1/requisitions/{req['id']}"
        await _ok(await dispatch.client.post(f"{base}/approve", json=line, headers=agent))
        ship = {"from_location_id": warehouse["id"], "carrier": "SF", "tracking_no": "SF1"}
        await _ok(await dispatch.client.post(f"{base}/ship", json=ship, headers=agent))
        refused = await dispatch.client.post(
            f"{base}/receive", json={"lines": [{"sku": "BELT-02", "qty": 9}]}, headers=me
        )
        assert refused.status_code == 422  # refused: nothing recorded
        await _ok(await dispatch.client.post(f"{base}/receive", json=line, headers=me))
        trail = await _trail(dispatch, "requisition", req["id"])
        assert [(e["action"], e["role"]) for e in trail] == [
            ("requested", "point"),
            ("approved", "agent"),
            ("shipped", "agent"),
            ("received", "point"),
        ]
        assert trail[1]["actor"] == "agent:warehouse-1"
        assert trail[1]["changes"]["status"] == {"before": "requested", "after": "approved"}

        rejected = await requested()
        r = await dispatch.client.post(
            f"/v1/requisitions/{rejected['id']}/reject", json={"reason": "use stock"}, headers=agent
        )
        await _ok(r)
        cancelled = await requested()
        r = await dispatch.client.post(f"/v1/requisitions/{cancelled['id']}/cancel", headers=me)
        await _ok(r)
        for req, action in ((rejected, "rejected"), (cancelled, "cancelled")):
            trail = await _trail(dispatch, "requisition", req["id"])
            assert [e["action"] for e in trail] == ["requested", action]


async def test_each_return_and_parts_order_write_leaves_one_audit_record(
    start_service, flow_for, infrastructure
):
    url = infrastructure.broker_url
    async with start_service("dispatch") as dispatch:
        flow = flow_for(dispatch)
        admin = dispatch.auth("admin")
        for part in (PUMP, BELT):
            await dispatch.client.post("/v1/parts", json=part, headers=admin)

        # A defective pump replaced under warranty comes back to the warehouse.
        job, point, tech = await flow.scheduled_job()
        them = flow.tech_auth(tech)
        await flow.report(job, "en_route", headers=them)
        await flow.report(job, "on_site", headers=them)
        done = await flow.report(
            job,
            "resolved_on_site",
            headers=them,
            signature=SIGNATURE,
            parts=[{"sku": "PUMP-01", "qty": 1}],
        )
        await _ok(done)
        charge = billing.ChargeIssued(
            charge_id=uuid.uuid4(),
            ticket_id=uuid.UUID(job["ticket_id"]),
            job_id=uuid.UUID(job["id"]),
            point_id=uuid.UUID(point["id"]),
            service_class="C",
            class_reason="warranty",
            customer_total=Money(amount=0),
            company_cost=Money(amount=20000),
            issued_at=datetime.now(UTC),
        )
        await publish_raw(
            url,
            Envelope.wrap(
                charge, source="billing", aggregate_id=charge.charge_id, aggregate_version=1
            ),
        )

        async def due():
            r = await dispatch.client.get("/v1/returns", headers=flow.agent)
            return r.json() or None

        [ret] = await eventually(due)
        await _ok(
            await dispatch.client.post(
                f"/v1/returns/{ret['id']}/ship",
                json={"tracking_no": "YT1"},
                headers=flow.point_auth(point),
            )
        )
        await _ok(
            await dispatch.client.post(
                f"/v1/returns/{ret['id']}/receive", json={"condition": "as_reported"}, headers=admin
            )
        )
        trail = await _trail(dispatch, "part_return", ret["id"])
        assert [(e["action"], e["role"]) for e in trail] == [
            ("shipped", "point"),
            ("received", "admin"),
        ]
        assert trail[0]["changes"]["tracking_no"] == {"before": None, "after": "YT1"}

        # A customer's paid parts order leaves the warehouse and reaches the customer.
        wh = await _warehouse(dispatch, "BELT-02", 3)
        ticket_id = uuid.uuid4()
        placed = parts_order_placed(
            ticket_id,
            ("BELT-02", 1),
            ship_to=intake.Site(region="310101", city="Shanghai", line=ADDRESS_LINE),
        )
        paid = billing.PartsOrderPaid(
            ticket_id=ticket_id,
            charge_id=uuid.uuid4(),
            lines=[billing.OrderLine(sku="BELT-02", qty=1)],
            invoice_id=uuid.uuid4(),
            paid_at=datetime.now(UTC),
        )
        for data, source in ((placed, "intake"), (paid, "billing")):
            await publish_raw(
                url, Envelope.wrap(data, source=source, aggregate_id=ticket_id, aggregate_version=1)
            )

        async def ready():
            r = await dispatch.client.get(f"/v1/parts-orders/{ticket_id}", headers=flow.agent)
            return r.status_code == 200 and r.json()["status"] == "paid" and r.json()["ship_to"]

        await eventually(ready)
        order = f"/v1/parts-orders/{ticket_id}"
        ship = {"from_location_id": wh["id"], "carrier": "SF", "tracking_no": "SF9"}
        await _ok(await dispatch.client.post(f"{order}/ship", json=ship, headers=flow.agent))
        await _ok(await dispatch.client.post(f"{order}/delivered", headers=flow.agent))
        trail = await _trail(dispatch, "parts_order", ticket_id)
        assert [e["action"] for e in trail] == ["shipped", "delivered"]
        assert trail[0]["changes"]["status"] == {"before": "paid", "after": "shipped"}
        # The trail cannot be erased: the customer and the address stay out of it.
        assert all(ADDRESS_LINE not in str(e) and placed.customer.name not in str(e) for e in trail)
