"""A parts order's shipping notification shows the arrival date dispatch promised (clause 5), and
the ticket shows it too; a shipment with no promise says nothing of one."""

import uuid
from datetime import UTC, date, datetime, timedelta

from aftersales.events import Envelope, dispatch
from aftersales_testing.apps import eventually
from aftersales_testing.factories import make_customer, publish_raw


async def order(intake, customer):
    r = await intake.client.post(
        "/v1/tickets",
        json={
            "customer_id": customer["id"],
            "kind": "parts_order",
            "description": "a filter",
            "channel": "app",
            "lines": [{"sku": "FILTER-1", "qty": 1}],
        },
        headers=intake.auth("agent"),
    )
    assert r.status_code == 201, r.text
    return r.json()


def shipped(ticket, promised_by):
    now = datetime.now(UTC)
    data = dispatch.PartsOrderShipped(
        ticket_id=uuid.UUID(ticket["id"]),
        number=ticket["number"],
        lines=[dispatch.PartsOrderLine(sku="FILTER-1", qty=1)],
        ship_by=now + timedelta(hours=48),
        from_location_id=uuid.uuid4(),
        carrier="SF",
        tracking_no=f"SF{uuid.uuid4().hex[:6]}",
        at=now,
        on_time=True,
        promised_by=promised_by,
    )
    return Envelope.wrap(
        data, source="dispatch", aggregate_id=uuid.UUID(ticket["id"]), aggregate_version=2
    )


async def test_the_shipping_message_shows_the_promised_arrival(
    start_service, infrastructure, mail, gateway, notifying
):
    _secret, settings = notifying.channels(mail, gateway)
    async with start_service("intake", **settings) as intake:
        promised, plain = (f"{uuid.uuid4().hex[:8]}@example.com" for _ in range(2))
        first = await order(intake, await make_customer(intake, email=promised))
        second = await order(intake, await make_customer(intake, email=plain))
        await publish_raw(infrastructure.broker_url, shipped(first, date(2030, 5, 9)))
        await publish_raw(infrastructure.broker_url, shipped(second, None))

        [told] = await eventually(lambda: notifying.value(mail.to(promised)), timeout=30)
        assert "预计2030-05-09前送达" in told.get_content()
        [untold] = await eventually(lambda: notifying.value(mail.to(plain)), timeout=30)
        assert "预计" not in untold.get_content() and "SF" in untold.get_content()

        async def shown():
            r = await intake.client.get(f"/v1/tickets/{first['id']}", headers=intake.auth())
            return (r.json()["shipping"] or {}).get("promised_by")

        assert await eventually(shown) == "2030-05-09"
