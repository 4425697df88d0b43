"""The service voucher, found: a caller's products, a search, and a product changing owner."""

import uuid

from aftersales_testing.factories import make_customer, make_product, make_ticket


async def test_an_agent_finds_a_callers_products_and_a_product_by_serial(start_service):
    async with start_service("intake") as intake:
        agent = intake.auth("agent")
        wang = await make_customer(intake)
        fridge = await make_product(intake, wang["id"], category="fridge", model="BCD-1")
        aircon = await make_product(intake, wang["id"])
        await make_product(intake, (await make_customer(intake))["id"])

        r = await intake.client.get(f"/v1/customers/{wang['id']}/products", headers=agent)
        assert {p["id"] for p in r.json()["items"]} == {fridge["id"], aircon["id"]}
        found = await intake.client.get(
            "/v1/products", params={"serial_no": fridge["serial_no"]}, headers=agent
        )
        assert [p["id"] for p in found.json()["items"]] == [fridge["id"]]
        by_model = await intake.client.get(
            "/v1/products", params={"model": "BCD-1", "category": "fridge"}, headers=agent
        )
        assert [p["id"] for p in by_model.json()["items"]] == [fridge["id"]]
        one = await intake.client.get(f"/v1/products/{aircon['id']}", headers=agent)
        assert one.json()["in_warranty"] is True and one.headers["etag"] == '"1"'
        unknown = await intake.client.get(f"/v1/customers/{uuid.uuid4()}/products", headers=agent)
        assert unknown.status_code == 404


async def test_a_crm_sees_only_its_own_customers_products(start_service):
    async with start_service("intake") as intake:
        acme = intake.auth("crm", subject="acme", tenant_id="acme")
        beta = intake.auth("crm", subject="beta", tenant_id="beta")
        customer = await make_customer(intake, headers=acme)
        product = await make_product(intake, customer["id"], headers=acme)
        mine = await intake.client.get(f"/v1/products/{product['id']}", headers=acme)
        assert mine.status_code == 200
        assert (
            await intake.client.get(f"/v1/products/{product['id']}", headers=beta)
        ).status_code == 404
        url = f"/v1/customers/{customer['id']}/products"
        assert (await intake.client.get(url, headers=beta)).status_code == 404
        search = await intake.client.get(
            "/v1/products", params={"serial_no": product["serial_no"]}, headers=beta
        )
        assert search.json()["items"] == []
        moved = await intake.client.post(
            f"/v1/products/{product['id']}/transfer",
            json={"customer_id": (await make_customer(intake, headers=beta))["id"]},
            headers=beta,
        )
        assert moved.status_code == 404


async def test_a_product_changes_owner_and_keeps_its_history(start_service):
    async with start_service("intake") as intake:
        agent = intake.auth("agent")
        seller, buyer = await make_customer(intake), await make_customer(intake)
        product = await make_product(intake, seller["id"])
        ticket = await make_ticket(intake, customer=seller, product=product)
        url = f"/v1/products/{product['id']}/transfer"

        nobody = await intake.client.post(
            url, json={"customer_id": str(uuid.uuid4())}, headers=agent
        )
        assert nobody.status_code == 422 and "does not exist" in nobody.json()["detail"]
        stale = await intake.client.post(
            url, json={"customer_id": buyer["id"]}, headers={**agent, "If-Match": '"7"'}
        )
        assert stale.status_code == 412
        same = await intake.client.post(url, json={"customer_id": seller["id"]}, headers=agent)
        assert same.status_code == 409
        unchanged = await intake.client.get(f"/v1/products/{product['id']}", headers=agent)
        assert unchanged.json()["customer_id"] == seller["id"] and unchanged.json()["version"] == 1

        moved = await intake.client.post(
            url, json={"customer_id": buyer["id"]}, headers={**agent, "If-Match": '"1"'}
        )
        assert moved.status_code == 200, moved.text
        body = moved.json()
        assert body["customer_id"] == buyer["id"]
        assert body["warranty_until"] == product["warranty_until"]
        kept = await intake.client.get(f"/v1/tickets/{ticket['id']}", headers=agent)
        assert kept.json()["customer_id"] == seller["id"]
        sellers = await intake.client.get(f"/v1/customers/{seller['id']}/products", headers=agent)
        assert sellers.json()["items"] == []
        trail = await intake.client.get(
            "/v1/audit", params={"object_id": product["id"]}, headers=intake.auth()
        )
        [entry] = trail.json()["items"]
        assert entry["changes"]["customer_id"] == {"before": seller["id"], "after": buyer["id"]}


async def test_an_installation_address_is_where_visits_go(start_service, infrastructure):
    from aftersales_testing.apps import eventually
    from aftersales_testing.factories import read_events

    async with start_service("intake") as intake:
        agent = intake.auth("agent")
        owner = await make_customer(intake)  # lives in 310115
        heater = await make_product(intake, owner["id"], category="water_heater")
        site = {"region": "330106", "city": "Hangzhou", "line": "9 West Lake Road"}
        no_match = await intake.client.patch(
            f"/v1/products/{heater['id']}", json={"installation_address": site}, headers=agent
        )
        assert no_match.status_code == 428  # If-Match is required
        bad = await intake.client.patch(
            f"/v1/products/{heater['id']}",
            json={"installation_address": {**site, "region": "hz"}},
            headers={**agent, "If-Match": '"1"'},
        )
        assert bad.status_code == 422 and bad.headers["content-type"] == "application/problem+json"
        r = await intake.client.patch(
            f"/v1/products/{heater['id']}",
            json={"installation_address": site, "notes": "Holiday flat; key with the concierge."},
            headers={**agent, "If-Match": '"1"'},
        )
        assert r.status_code == 200, r.text
        assert r.json()["installation_address"]["region"] == "330106"
        assert r.headers["etag"] == '"2"'
        stale = await intake.client.patch(
            f"/v1/products/{heater['id']}",
            json={"notes": "x"},
            headers={**agent, "If-Match": '"1"'},
        )
        assert stale.status_code == 412

        ticket = await make_ticket(intake, customer=owner, product=r.json())

        async def created_v2():
            events = await read_events(
                infrastructure.broker_url, "intake.ticket.created.v2", after=intake
            )
            return [e.data for e in events if str(e.data.ticket_id) == ticket["id"]]

        [created] = await eventually(created_v2)
        assert created.site.region == "330106" and created.site.city == "Hangzhou"
        assert created.customer.region == "310115"  # the owner's own address is unchanged

        async def updated():
            events = await read_events(
                infrastructure.broker_url, "intake.product.updated.v1", after=intake
            )
            return [e.data for e in events if str(e.data.product_id) == heater["id"]]

        [update] = await eventually(updated)
        assert update.installation.region == "330106"
        assert update.changes == ["installation_address", "notes"]

        cleared = await intake.client.patch(
            f"/v1/products/{heater['id']}",
            json={"installation_address": None},
            headers={**agent, "If-Match": '"2"'},
        )
        assert cleared.json()["installation_address"] is None
        assert cleared.json()["notes"] == "Holiday flat; key with the concierge."
