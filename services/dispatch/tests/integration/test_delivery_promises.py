"""Deliveries promised by distance (clause 5): the operator's delivery bands give the days from
the shipping warehouse's region to the address's; shipping promises the arrival date, and the
delivery says how many calendar days it came past it (billing compensates each one). A bad band
is a 422 that changes nothing; a delivery reported twice counts once."""

import uuid
from datetime import timedelta
from zoneinfo import ZoneInfo

from aftersales.events import Envelope, billing, intake
from aftersales_testing.apps import SettableClock, eventually
from aftersales_testing.factories import parts_order_placed, publish_raw, read_events

SHANGHAI = ZoneInfo("Asia/Shanghai")
FAN = {"sku": "FAN-2", "name": "Fan motor", "categories": ["air_conditioner"], "unit": "pcs"}
BANDS = {
    "pairs": [{"from_region": "31", "to_region": "44", "days": 3}],
    "prefix_bands": [{"shared_prefix": 4, "days": 1}],
}


async def warehouse(dispatch, region: str | None) -> dict:
    admin = dispatch.auth("admin")
    await dispatch.client.post("/v1/parts", json=FAN, headers=admin)
    body = {"code": f"WH-{uuid.uuid4().hex[:6]}", "name": "W"}
    if region:
        body["region"] = region
    wh = (await dispatch.client.post("/v1/warehouses", json=body, headers=admin)).json()
    r = await dispatch.client.post(
        "/v1/stock/receipts",
        json={"location_id": wh["id"], "lines": [{"sku": "FAN-2", "qty": 10}]},
        headers=admin,
    )
    assert r.status_code == 201, r.text
    return wh


async def paid_order(dispatch, url: str, region: str, paid_at) -> uuid.UUID:
    ticket_id = uuid.uuid4()
    placed = parts_order_placed(
        ticket_id, ship_to=intake.Site(region=region, city="C", line="1 Road")
    )
    payment = billing.PartsOrderPaid(
        ticket_id=ticket_id,
        charge_id=uuid.uuid4(),
        lines=[billing.OrderLine(sku="FAN-2", qty=2)],
        invoice_id=uuid.uuid4(),
        paid_at=paid_at,
    )
    for data, source in ((placed, "intake"), (payment, "billing")):
        env = Envelope.wrap(data, source=source, aggregate_id=ticket_id, aggregate_version=1)
        await publish_raw(url, env)

    async def ready():
        r = await dispatch.client.get(
            f"/v1/parts-orders/{ticket_id}", headers=dispatch.auth("agent")
        )
        return r.status_code == 200 and r.json()["status"] == "paid" and r.json()["ship_to"]

    await eventually(ready)
    return ticket_id


async def test_bad_bands_are_refused_and_change_nothing(start_service):
    async with start_service("dispatch", delivery_default_days=4) as dispatch:
        admin = dispatch.auth("admin")
        empty = (await dispatch.client.get("/v1/delivery-bands", headers=admin)).json()
        assert empty["version"] == 0 and empty["default_days"] == 4
        r = await dispatch.client.put("/v1/delivery-bands", json=BANDS, headers=admin)
        assert r.status_code == 200, r.text
        assert r.headers["ETag"] == '"1"'
        good = r.json()
        pair = BANDS["pairs"][0]
        for wrong, why in (
            ({**pair, "to_region": "99"}, "not a known region"),
            ({**pair, "to_region": "990101"}, "not a known region"),
            ({**pair, "from_region": "3x"}, "not a region code"),
            ({**pair, "from_region": "310"}, "not a region code"),
            ({**pair, "days": 0}, "days"),
            ({**pair, "days": -2}, "days"),
        ):
            r = await dispatch.client.put(
                "/v1/delivery-bands", json={**BANDS, "pairs": [pair, wrong]}, headers=admin
            )
            assert r.status_code == 422, (wrong, r.text)
            assert r.headers["content-type"].startswith("application/problem+json")
            assert why in r.json()["detail"], r.text
        for wrong in ([{"shared_prefix": 3, "days": 1}], [{"shared_prefix": 4, "days": 0}]):
            r = await dispatch.client.put(
                "/v1/delivery-bands", json={**BANDS, "prefix_bands": wrong}, headers=admin
            )
            assert r.status_code == 422, r.text
        twice = {**BANDS, "pairs": [pair, {**pair, "from_region": "310000", "days": 5}]}
        r = await dispatch.client.put("/v1/delivery-bands", json=twice, headers=admin)
        assert r.status_code == 422 and "twice" in r.json()["detail"]
        agent = await dispatch.client.put(
            "/v1/delivery-bands", json=BANDS, headers=dispatch.auth("agent")
        )
        assert agent.status_code == 403
        stale = await dispatch.client.put(
            "/v1/delivery-bands", json=BANDS, headers={**admin, "If-Match": '"0"'}
        )
        assert stale.status_code == 412
        now = await dispatch.client.get("/v1/delivery-bands", headers=dispatch.auth("finance"))
        assert now.json() == good
        trail = await dispatch.client.get("/v1/audit", headers=admin)
        assert [e["object_type"] for e in trail.json()["items"]].count("delivery_bands") == 1


async def test_a_delivery_is_promised_by_distance_and_its_days_late_counted_once(
    start_service, infrastructure
):
    url = infrastructure.broker_url
    clock = SettableClock()
    async with start_service("dispatch", clock=clock, delivery_default_days=5) as dispatch:
        admin, agent = dispatch.auth("admin"), dispatch.auth("agent")
        r = await dispatch.client.put("/v1/delivery-bands", json=BANDS, headers=admin)
        assert r.status_code == 200, r.text
        shanghai = await warehouse(dispatch, "310115")
        nowhere = await warehouse(dispatch, None)
        today = clock.now().astimezone(SHANGHAI).date()

        far = await paid_order(dispatch, url, "440305", clock.now())  # Shenzhen: 3 days
        near = await paid_order(dispatch, url, "310104", clock.now())  # Shanghai city: 1 day
        anywhere = await paid_order(dispatch, url, "440305", clock.now())  # no region: default
        promised = {}
        for order, wh, days, basis in (
            (far, shanghai, 3, "band 31 → 44"),
            (near, shanghai, 1, "shared region prefix of 4"),
            (anywhere, nowhere, 5, "default (the warehouse has no region)"),
        ):
            ship = {"from_location_id": wh["id"], "carrier": "SF", "tracking_no": f"SF{days}"}
            r = await dispatch.client.post(
                f"/v1/parts-orders/{order}/ship", json=ship, headers=agent
            )
            assert r.status_code == 200, r.text
            body = r.json()
            assert body["promised_by"] == (today + timedelta(days=days)).isoformat()
            assert (body["promise_days"], body["promise_basis"]) == (days, basis)
            promised[order] = body["promised_by"]
        shipped = await read_events(url, "dispatch.parts_order.shipped.v1", after=dispatch)
        assert {e.data.ticket_id: e.data.promised_by.isoformat() for e in shipped} == promised

        # Five days on, the Shenzhen order arrives: two days past its promise of three.
        clock.advance(timedelta(days=5))
        r = await dispatch.client.post(f"/v1/parts-orders/{far}/delivered", headers=agent)
        assert r.status_code == 200, r.text
        assert r.json()["days_late"] == 2 and r.json()["promised_by"] == promised[far]
        again = await dispatch.client.post(f"/v1/parts-orders/{far}/delivered", headers=agent)
        assert again.status_code == 409  # delivered once: nothing twice

        # The carrier's proof says the Shanghai order came the day after shipping: on time.
        too_early = await dispatch.client.post(
            f"/v1/parts-orders/{near}/delivered",
            json={"at": (clock.now() - timedelta(days=6)).isoformat()},
            headers=agent,
        )
        assert too_early.status_code == 422  # before it shipped: nothing changes
        proof = clock.now() - timedelta(days=4)
        r = await dispatch.client.post(
            f"/v1/parts-orders/{near}/delivered", json={"at": proof.isoformat()}, headers=agent
        )
        assert r.status_code == 200, r.text
        assert r.json()["days_late"] == 0

        delivered = await read_events(url, "dispatch.parts_order.delivered.v1", after=dispatch)
        by_order = {e.data.ticket_id: e.data for e in delivered}
        assert len(delivered) == 2 and set(by_order) == {far, near}
        assert by_order[far].days_late == 2
        assert by_order[far].promised_by.isoformat() == promised[far]
        assert by_order[far].delivered_on == today + timedelta(days=5)
        assert by_order[near].days_late == 0 and by_order[near].at == proof
