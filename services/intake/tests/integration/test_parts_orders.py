"""A customer's parts order is a request like any other: a number, a timeline, events; it is
answered by its priced charge, follows the warehouse, and closes on delivery."""

import uuid
from datetime import UTC, date, datetime, timedelta

from aftersales.events import Envelope, Money, billing, dispatch
from aftersales_testing.apps import drained, eventually
from aftersales_testing.factories import make_customer, make_product, publish_raw, read_events


def order_body(customer, **overrides):
    return {
        "customer_id": customer["id"],
        "kind": "parts_order",
        "description": "two filters",
        "channel": "crm",
        "lines": [{"sku": "FILTER-1", "qty": 2}],
        **overrides,
    }


async def place(intake, customer, **overrides):
    r = await intake.client.post(
        "/v1/tickets", json=order_body(customer, **overrides), headers=intake.auth("agent")
    )
    assert r.status_code == 201, r.text
    return r.json()


def event(data, source, aggregate_id, version=1):
    return Envelope.wrap(data, source=source, aggregate_id=aggregate_id, aggregate_version=version)


async def test_bad_orders_are_refused_and_change_nothing(start_service):
    async with start_service("intake") as intake:
        agent = intake.auth("agent")
        customer = await make_customer(intake)
        product = await make_product(intake, customer["id"])
        bad = [
            order_body(customer, lines=None),  # an order names its parts
            order_body(customer, lines=[]),
            order_body(customer, lines=[{"sku": "A", "qty": 0}]),
            order_body(customer, lines=[{"sku": "A", "qty": 1}, {"sku": "A", "qty": 2}]),
            order_body(customer, lines=[{"sku": "", "qty": 1}]),
            order_body(customer, product_id=str(uuid.uuid4())),  # an unknown product
            # a repair names its product, and has no lines
            {**order_body(customer), "kind": "repair", "product_id": product["id"]},
            {**order_body(customer, lines=None), "kind": "repair"},
        ]
        for body in bad:
            r = await intake.client.post("/v1/tickets", json=body, headers=agent)
            assert r.status_code in (404, 422), (body, r.text)
            assert r.headers["content-type"] == "application/problem+json"
        r = await intake.client.get(
            "/v1/tickets", params={"customer_id": customer["id"]}, headers=agent
        )
        assert r.json()["items"] == []


async def test_an_order_is_announced_answered_by_its_charge_and_closed_on_delivery(
    start_service, infrastructure
):
    url = infrastructure.broker_url
    async with start_service("intake") as intake:
        agent = intake.auth("agent")
        customer = await make_customer(intake)
        product = await make_product(
            intake,
            customer["id"],
        )
        order = await place(intake, customer, product_id=product["id"])
        assert (order["kind"], order["status"], order["lines"]) == (
            "parts_order",
            "open",
            [{"sku": "FILTER-1", "qty": 2}],
        )
        assert order["sla"]["respond_clock"] == "billing"
        ticket_id = uuid.UUID(order["id"])
        await drained(intake)  # the outbox has published what the order committed
        [placed] = [
            e
            for e in await read_events(url, "intake.parts_order.placed.v1", after=intake)
            if e.data.ticket_id == ticket_id
        ]
        assert placed.data.product_id == uuid.UUID(product["id"])
        assert placed.data.ship_to.city == "Shanghai"
        created = await read_events(url, "intake.ticket.created.v2", after=intake)
        assert ticket_id not in {e.data.ticket_id for e in created}  # v2 needs a product

        r = await intake.client.post(
            f"/v1/tickets/{order['id']}/respond",
            json={"summary": "ok", "resolved": False},
            headers=agent,
        )
        assert r.status_code == 409 and r.json()["respond_clock"] == "billing"
        r = await intake.client.post(
            f"/v1/tickets/{order['id']}/resolve-remotely", json={"note": "x"}, headers=agent
        )
        assert r.status_code == 409

        charge_id = uuid.uuid4()
        issued_at = datetime.now(UTC)
        await publish_raw(
            url,
            event(
                billing.ChargeIssued(
                    charge_id=charge_id,
                    ticket_id=ticket_id,
                    service_class="A",
                    class_reason="paid parts order",
                    customer_total=Money(amount=13_500),
                    company_cost=Money(amount=0),
                    issued_at=issued_at,
                ),
                "billing",
                charge_id,
            ),
        )
        await publish_raw(
            url,
            event(
                billing.ChargePaid(
                    charge_id=charge_id,
                    ticket_id=ticket_id,
                    amount_paid=Money(amount=13_500),
                    method="transfer",
                    paid_at=issued_at,
                ),
                "billing",
                charge_id,
                version=2,
            ),
        )

        async def paid():
            r = await intake.client.get(f"/v1/tickets/{order['id']}", headers=agent)
            body = r.json()
            answered = body["sla"]["responded_at"] and (body["charge"] or {}).get("status")
            return body if answered == "paid" else None

        ticket = await eventually(paid)
        assert datetime.fromisoformat(ticket["sla"]["responded_at"]) == issued_at
        r = await intake.client.post(
            f"/v1/tickets/{order['id']}/cancel", json={"reason": "changed mind"}, headers=agent
        )
        assert r.status_code == 409  # paid: the warehouse owes the parts now

        ship_by = issued_at + timedelta(hours=48)
        common = {
            "ticket_id": ticket_id,
            "number": order["number"],
            "lines": [dispatch.PartsOrderLine(sku="FILTER-1", qty=2)],
            "ship_by": ship_by,
        }
        await publish_raw(
            url,
            event(
                dispatch.PartsOrderShipOverdue(**common, at=ship_by + timedelta(minutes=1)),
                "dispatch",
                ticket_id,
                version=3,
            ),
        )
        shipped = event(
            dispatch.PartsOrderShipped(
                **common,
                from_location_id=uuid.uuid4(),
                carrier="SF",
                tracking_no="SF9",
                at=ship_by + timedelta(hours=1),
                on_time=False,
            ),
            "dispatch",
            ticket_id,
            version=4,
        )
        await publish_raw(url, shipped)

        async def in_transit():
            r = await intake.client.get(f"/v1/tickets/{order['id']}", headers=agent)
            return r.json() if r.json()["status"] == "in_progress" else None

        ticket = await eventually(in_transit)
        shipping = ticket["shipping"]
        assert shipping["ship_breached_at"] is not None and shipping["shipped_on_time"] is False
        assert (shipping["carrier"], shipping["tracking_no"]) == ("SF", "SF9")

        await publish_raw(
            url,
            event(
                dispatch.PartsOrderDelivered(**common, at=datetime.now(UTC)),
                "dispatch",
                ticket_id,
                version=5,
            ),
        )
        await publish_raw(url, shipped)  # a late redelivery moves nothing back

        async def delivered():
            r = await intake.client.get(f"/v1/tickets/{order['id']}", headers=agent)
            return r.json() if r.json()["closure_reason"] else None

        ended = await eventually(delivered)
        assert (ended["status"], ended["closure_reason"]) == ("closed", "delivered")
        await drained(intake)
        closed = await read_events(url, "intake.ticket.closed.v2", after=intake)
        assert [e.data.closure_reason for e in closed if e.data.ticket_id == ticket_id] == [
            "delivered"
        ]
        listed = await intake.client.get(
            "/v1/tickets", params={"closure_reason": "delivered"}, headers=agent
        )
        assert [t["id"] for t in listed.json()["items"]] == [order["id"]]


async def test_an_unpaid_order_cancelled_by_billing_ends_the_ticket(start_service, infrastructure):
    url = infrastructure.broker_url
    async with start_service("intake") as intake:
        agent = intake.auth("agent")
        order = await place(intake, await make_customer(intake))
        assert order["product_id"] is None
        ticket_id = uuid.UUID(order["id"])
        await publish_raw(
            url,
            event(
                billing.PartsOrderCancelled(
                    ticket_id=ticket_id,
                    charge_id=uuid.uuid4(),
                    reason="unpaid after 7 days",
                    cancelled_at=datetime.now(UTC),
                ),
                "billing",
                uuid.uuid4(),
            ),
        )

        async def ended():
            r = await intake.client.get(f"/v1/tickets/{order['id']}", headers=agent)
            return r.json() if r.json()["closure_reason"] else None

        ticket = await eventually(ended)
        assert (ticket["status"], ticket["closure_reason"]) == ("cancelled", "cancelled")
        r = await intake.client.get(f"/v1/tickets/{order['id']}/timeline", headers=agent)
        assert any("unpaid after 7 days" in e["summary"] for e in r.json()["entries"])


async def test_a_contracts_planned_visit_due_opens_a_maintenance_ticket_once(
    start_service, infrastructure
):
    from aftersales.events import Envelope, billing
    from aftersales_testing.apps import handled

    async with start_service("intake") as intake:
        customer = await make_customer(intake)
        product = await make_product(intake, customer["id"])
        contract_id = uuid.uuid4()
        due = billing.MaintenanceVisitDue(
            visit_id=uuid.uuid4(),
            contract_id=contract_id,
            contract_no="MC-2027-7",
            customer_id=uuid.UUID(customer["id"]),
            product_id=uuid.UUID(product["id"]),
            visit_no=1,
            visits_planned=2,
            due_on=date.today() + timedelta(days=7),
        )
        env = Envelope.wrap(due, source="billing", aggregate_id=contract_id, aggregate_version=1)
        await publish_raw(infrastructure.broker_url, env)
        await publish_raw(infrastructure.broker_url, env, msg_id=str(uuid.uuid4()))  # again
        await handled(intake, env)
        r = await intake.client.get(
            "/v1/tickets", params={"customer_id": customer["id"]}, headers=intake.auth("agent")
        )
        [ticket] = r.json()["items"]
        assert ticket["kind"] == "maintenance" and ticket["channel"] == "contract"
        assert "MC-2027-7" in ticket["description"] and ticket["product_id"] == product["id"]
        await drained(intake)
        [created] = await read_events(
            infrastructure.broker_url, "intake.ticket.created.v2", after=intake
        )
        assert created.data.channel == "contract"
