"""Customers' paid parts orders at the warehouse: built from intake's and billing's events in
either order, shipped once from stock within the deadline, published once when late."""

import asyncio
import uuid
from datetime import UTC, datetime, timedelta

import asyncpg

from aftersales.events import Envelope, billing, intake
from aftersales_testing.apps import SettableClock, drained, eventually, handled
from aftersales_testing.factories import parts_order_placed, publish_raw, read_events
from dispatch.use_cases import parts_orders

FAN = {"sku": "FAN-2", "name": "Fan motor", "categories": ["air_conditioner"], "unit": "pcs"}


def placed(ticket_id: uuid.UUID, qty: int = 2) -> intake.PartsOrderPlaced:
    return parts_order_placed(
        ticket_id,
        ("FAN-2", qty),
        number=f"SR-2026-{ticket_id.int % 10**7:07d}",
        ship_to=intake.Site(region="310101", city="Shanghai", line="1 Century Ave"),
    )


def paid(ticket_id: uuid.UUID, at: datetime, qty: int = 2) -> billing.PartsOrderPaid:
    return billing.PartsOrderPaid(
        ticket_id=ticket_id,
        charge_id=uuid.uuid4(),
        lines=[billing.OrderLine(sku="FAN-2", qty=qty)],
        invoice_id=uuid.uuid4(),
        paid_at=at,
    )


async def publish(url: str, data, source: str) -> Envelope:
    env = Envelope.wrap(data, source=source, aggregate_id=data.ticket_id, aggregate_version=1)
    await publish_raw(url, env)
    return env


async def warehouse_with(dispatch, qty: int) -> dict:
    admin = dispatch.auth("admin")
    await dispatch.client.post("/v1/parts", json=FAN, headers=admin)
    r = await dispatch.client.post(
        "/v1/warehouses", json={"code": f"WH-{uuid.uuid4().hex[:6]}", "name": "W"}, headers=admin
    )
    wh = r.json()
    r = await dispatch.client.post(
        "/v1/stock/receipts",
        json={"location_id": wh["id"], "lines": [{"sku": "FAN-2", "qty": qty}]},
        headers=admin,
    )
    assert r.status_code == 201, r.text
    return wh


async def order_of(dispatch, ticket_id, **wanted):
    async def found():
        r = await dispatch.client.get(
            f"/v1/parts-orders/{ticket_id}", headers=dispatch.auth("agent")
        )
        if r.status_code != 200:
            return None
        body = r.json()
        return body if all(body[k] == v for k, v in wanted.items()) else None

    return await eventually(found)


async def test_an_order_paid_before_its_details_arrive_ships_once_both_are_known(
    start_service, infrastructure
):
    url = infrastructure.broker_url
    async with start_service("dispatch") as dispatch:
        agent = dispatch.auth("agent")
        wh = await warehouse_with(dispatch, 5)
        ticket_id = uuid.uuid4()
        paid_at = datetime.now(UTC)
        payment = await publish(url, paid(ticket_id, paid_at), "billing")
        order = await order_of(dispatch, ticket_id, status="paid")
        assert order["ship_to"] is None
        ship = {"from_location_id": wh["id"], "carrier": "SF", "tracking_no": "SF1"}
        early = await dispatch.client.post(
            f"/v1/parts-orders/{ticket_id}/ship", json=ship, headers=agent
        )
        assert early.status_code == 409  # no address yet: nothing moves
        await publish(url, placed(ticket_id), "intake")
        address = {"region": "310101", "city": "Shanghai", "line": "1 Century Ave"}
        order = await order_of(dispatch, ticket_id, ship_to=address)
        assert order["status"] == "paid" and order["number"] is not None
        await publish_raw(url, payment)  # a redelivery of the payment changes nothing
        again = await publish(url, paid(ticket_id, paid_at + timedelta(hours=5)), "billing")
        await handled(dispatch, again)  # nor does a second payment event: the first one holds

        shipped = await dispatch.client.post(
            f"/v1/parts-orders/{ticket_id}/ship", json=ship, headers=agent
        )
        assert shipped.status_code == 200, shipped.text
        body = shipped.json()
        assert body["status"] == "shipped"
        assert datetime.fromisoformat(body["ship_by"]) == paid_at + timedelta(hours=48)
        twice = await dispatch.client.post(
            f"/v1/parts-orders/{ticket_id}/ship", json=ship, headers=agent
        )
        assert twice.status_code == 409 and twice.json()["order_status"] == "shipped"
        r = await dispatch.client.get(
            "/v1/stock", params={"location_id": wh["id"], "sku": "FAN-2"}, headers=agent
        )
        assert r.json()["items"][0]["on_hand"] == 3  # shipped once
        [event] = [
            e
            for e in await read_events(url, "dispatch.parts_order.shipped.v1", after=dispatch)
            if e.data.ticket_id == ticket_id
        ]
        assert event.data.on_time is True and event.data.tracking_no == "SF1"
        delivered = await dispatch.client.post(
            f"/v1/parts-orders/{ticket_id}/delivered", headers=agent
        )
        assert delivered.json()["status"] == "delivered"


async def test_the_warehouse_ships_only_a_paid_order_from_a_warehouse_with_the_stock(
    start_service, flow_for, infrastructure
):
    url = infrastructure.broker_url
    async with start_service("dispatch") as dispatch:
        agent = dispatch.auth("agent")
        wh = await warehouse_with(dispatch, 1)
        unpaid = uuid.uuid4()
        await publish(url, placed(unpaid), "intake")
        await order_of(dispatch, unpaid, status="awaiting_payment")
        ship = {"from_location_id": wh["id"], "carrier": "SF", "tracking_no": "SF2"}
        r = await dispatch.client.post(f"/v1/parts-orders/{unpaid}/ship", json=ship, headers=agent)
        assert r.status_code == 409 and "not paid" in r.json()["detail"]
        r = await dispatch.client.post(f"/v1/parts-orders/{unpaid}/delivered", headers=agent)
        assert r.status_code == 409

        big = uuid.uuid4()
        await publish(url, placed(big, qty=2), "intake")
        await publish(url, paid(big, datetime.now(UTC), qty=2), "billing")
        await order_of(dispatch, big, status="paid", number=placed(big).number)
        r = await dispatch.client.post(f"/v1/parts-orders/{big}/ship", json=ship, headers=agent)
        assert r.status_code == 409  # one on hand, two ordered
        assert (r.json()["sku"], r.json()["available"], r.json()["wanted"]) == ("FAN-2", 1, 2)
        point, _ = await flow_for(dispatch).point_with_technician()
        from_point = {**ship, "from_location_id": point["id"]}
        r = await dispatch.client.post(
            f"/v1/parts-orders/{big}/ship", json=from_point, headers=agent
        )
        assert r.status_code == 422
        as_point = dispatch.auth("point", point_id=point["id"])
        r = await dispatch.client.post(f"/v1/parts-orders/{big}/ship", json=ship, headers=as_point)
        assert r.status_code == 403
        r = await dispatch.client.get(f"/v1/parts-orders/{uuid.uuid4()}", headers=agent)
        assert r.status_code == 404
        moves = await dispatch.client.get(
            "/v1/stock/movements", params={"location_id": wh["id"]}, headers=agent
        )
        assert [m["kind"] for m in moves.json()["items"]] == ["receive"]  # nothing moved

        cancelled = uuid.uuid4()
        await publish(url, placed(cancelled), "intake")
        await publish(
            url,
            billing.PartsOrderCancelled(
                ticket_id=cancelled,
                charge_id=uuid.uuid4(),
                reason="unpaid after 7 days",
                cancelled_at=datetime.now(UTC),
            ),
            "billing",
        )
        await order_of(dispatch, cancelled, status="cancelled")


async def test_a_paid_order_not_shipped_in_time_is_published_once(start_service, infrastructure):
    url = infrastructure.broker_url
    clock = SettableClock()
    async with start_service("dispatch", clock=clock, returns_poll_seconds=0.2) as dispatch:
        late = uuid.uuid4()
        await publish(url, placed(late), "intake")
        await publish(url, paid(late, clock.now()), "billing")
        order = await order_of(dispatch, late, status="paid", overdue=False)
        assert datetime.fromisoformat(order["ship_by"]) == clock.now() + timedelta(hours=48)
        clock.advance(timedelta(hours=48, minutes=1))

        async def overdue(ticket_id):
            async def found():
                events = await read_events(
                    url, "dispatch.parts_order.ship_overdue.v1", after=dispatch
                )
                return events if any(e.data.ticket_id == ticket_id for e in events) else None

            return await eventually(found)

        await overdue(late)
        order = await order_of(dispatch, late, overdue=True)
        assert order["status"] == "paid"
        # The barrier: a second late order, found by a later pass of the scanner.
        later = uuid.uuid4()
        await publish(url, placed(later), "intake")
        await publish(url, paid(later, clock.now()), "billing")
        await order_of(dispatch, later, status="paid")
        clock.advance(timedelta(hours=48, minutes=1))
        events = await overdue(later)
        assert [e.data.ticket_id for e in events].count(late) == 1  # once


async def test_a_replica_skips_the_order_another_holds_and_each_is_reported_once(
    start_service, infrastructure, admin_dsn
):
    url = infrastructure.broker_url
    quiet = {"returns_poll_seconds": 3600}  # only the calls below scan
    clock = SettableClock()
    async with (
        start_service("dispatch", clock=clock, **quiet) as one,
        start_service("dispatch", clock=clock, **quiet) as two,
    ):
        late = [uuid.uuid4() for _ in range(3)]
        for ticket_id in late:
            await publish(url, placed(ticket_id), "intake")
            await publish(url, paid(ticket_id, clock.now()), "billing")
        for ticket_id in late:
            await order_of(one, ticket_id, status="paid", number=placed(ticket_id).number)
        clock.advance(timedelta(hours=49))
        holder = await asyncpg.connect(admin_dsn)  # another replica, mid-scan, holds one
        try:
            tx = holder.transaction()
            await tx.start()
            await holder.execute(
                "SELECT 1 FROM dispatch.parts_orders WHERE ticket_id = $1 FOR UPDATE", late[0]
            )
            # Never waits for the held row: it takes the other two.
            assert await asyncio.wait_for(parts_orders.report_overdue(one.db), 10) == 2
            await tx.rollback()
        finally:
            await holder.close()
        assert await parts_orders.report_overdue(two.db) == 1
        assert await parts_orders.report_overdue(one.db) == 0
        events = await read_events(url, "dispatch.parts_order.ship_overdue.v1", after=one)
        assert sorted(str(e.data.ticket_id) for e in events if e.data.ticket_id in late) == sorted(
            str(t) for t in late
        )


async def test_a_late_order_is_published_once_however_the_clock_moves(
    start_service, infrastructure
):
    url = infrastructure.broker_url
    clock = SettableClock()
    start = clock.now()
    async with start_service("dispatch", clock=clock, returns_poll_seconds=3600) as dispatch:
        ticket_id = uuid.uuid4()
        await publish(url, placed(ticket_id), "intake")
        await publish(url, paid(ticket_id, start), "billing")
        await order_of(dispatch, ticket_id, status="paid", number=placed(ticket_id).number)

        async def overdue():
            events = await read_events(url, "dispatch.parts_order.ship_overdue.v1", after=dispatch)
            return [e.data.at for e in events if e.data.ticket_id == ticket_id]

        fired_at = start + timedelta(hours=48, minutes=1)
        clock.set(fired_at)
        assert await parts_orders.report_overdue(dispatch.db) == 1
        await eventually(overdue)  # the event is in the stream
        clock.set(start)  # back before the deadline: nothing is due
        assert await parts_orders.report_overdue(dispatch.db) == 0
        clock.set(fired_at + timedelta(days=3))  # and past it again
        assert await parts_orders.report_overdue(dispatch.db) == 0
        await drained(dispatch)
        assert await overdue() == [fired_at]
        order = await order_of(dispatch, ticket_id, overdue=True)
        assert order["status"] == "paid"
