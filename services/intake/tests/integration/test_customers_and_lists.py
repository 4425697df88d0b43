"""Customers found and updated, a CRM's view kept to its own tenant, the ticket list's filters,
and the failure answers of the remaining endpoints."""

import uuid
from datetime import date, datetime

from aftersales_testing.factories import (
    make_customer,
    make_product,
    make_ticket,
)


async def test_customers_search_and_update_with_if_match(start_service):
    async with start_service("intake") as intake:
        c = await make_customer(intake, phone="+86 137 1111 2222", external_ref="CRM-77")
        by_phone = await intake.client.get(
            "/v1/customers", params={"phone": "13711112222"}, headers=intake.auth()
        )
        assert [x["id"] for x in by_phone.json()["items"]] == [c["id"]]
        by_ref = await intake.client.get(
            "/v1/customers", params={"external_ref": "CRM-77"}, headers=intake.auth()
        )
        assert [x["id"] for x in by_ref.json()["items"]] == [c["id"]]

        url = f"/v1/customers/{c['id']}"
        assert (
            await intake.client.patch(url, json={"name": "New"}, headers=intake.auth())
        ).status_code == 428
        assert (
            await intake.client.patch(
                url, json={"name": "New"}, headers={**intake.auth(), "If-Match": '"9"'}
            )
        ).status_code == 412
        ok = await intake.client.patch(
            url,
            json={"name": "Liu Yang", "email": "liu@example.com"},
            headers={**intake.auth(), "If-Match": '"1"'},
        )
        assert ok.status_code == 200 and ok.json()["name"] == "Liu Yang"
        assert ok.json()["version"] == 2 and ok.headers["etag"] == '"2"'
        other = await make_customer(intake)
        clash = await intake.client.patch(
            url, json={"phone": other["phone"]}, headers={**intake.auth(), "If-Match": '"2"'}
        )
        assert clash.status_code == 409 and clash.json()["existing_id"] == other["id"]
        bad = await intake.client.patch(
            url, json={"version": 7}, headers={**intake.auth(), "If-Match": '"2"'}
        )
        assert bad.status_code == 422


async def test_a_crm_sees_only_its_own_tenant(start_service):
    async with start_service("intake") as intake:
        acme = intake.auth("crm", subject="acme-crm", tenant_id="acme")
        beta = intake.auth("crm", subject="beta-crm", tenant_id="beta")
        body = {
            "name": "Tenant Test",
            "phone": "13622223333",
            "address": {"region": "310115", "city": "Shanghai", "line": "2 Road"},
        }
        mine = (await intake.client.post("/v1/customers", json=body, headers=acme)).json()
        # The same phone in another tenant is another tenant's customer, not a duplicate.
        theirs = await intake.client.post("/v1/customers", json=body, headers=beta)
        assert theirs.status_code == 201
        product = (
            await intake.client.post(
                f"/v1/customers/{mine['id']}/products",
                headers=acme,
                json={
                    "category": "tv",
                    "model": "X1",
                    "serial_no": "T-1",
                    "purchased_on": "2026-01-01",
                    "warranty_months": 12,
                },
            )
        ).json()
        ticket = (
            await intake.client.post(
                "/v1/tickets",
                headers=acme,
                json={
                    "customer_id": mine["id"],
                    "product_id": product["id"],
                    "kind": "repair",
                    "description": "no picture",
                    "channel": "crm",
                },
            )
        ).json()

        for path in (
            f"/v1/customers/{mine['id']}",
            f"/v1/tickets/{ticket['id']}",
            f"/v1/tickets/{ticket['id']}/timeline",
        ):
            assert (await intake.client.get(path, headers=beta)).status_code == 404
            assert (await intake.client.get(path, headers=acme)).status_code == 200
            assert (await intake.client.get(path, headers=intake.auth("agent"))).status_code == 200
        listed = (await intake.client.get("/v1/tickets", headers=beta)).json()["items"]
        assert listed == []
        assert (
            await intake.client.post(
                f"/v1/tickets/{ticket['id']}/cancel", headers=beta, json={"reason": "x"}
            )
        ).status_code == 404
        point = intake.auth("point", point_id=uuid.uuid4())
        assert (await intake.client.get("/v1/tickets", headers=point)).status_code == 403


async def test_ticket_list_filters(start_service):
    async with start_service("intake") as intake:
        customer = await make_customer(intake)
        product = await make_product(intake, customer["id"])
        a = await make_ticket(
            intake, customer=customer, product=product, kind="install", channel="letter"
        )
        await make_ticket(intake, customer=customer, product=product, kind="repair")
        since = datetime.fromisoformat(a["created_at"]).isoformat()

        async def ids(**params):
            r = await intake.client.get("/v1/tickets", params=params, headers=intake.auth())
            assert r.status_code == 200, r.text
            return [t["id"] for t in r.json()["items"]]

        assert await ids(kind="install") == [a["id"]]
        assert await ids(channel="letter") == [a["id"]]
        assert len(await ids(created_from=since)) == 2
        assert await ids(created_to=since) == []
        assert len(await ids(status="open", customer_id=customer["id"])) == 2


async def test_failure_answers_of_the_remaining_endpoints(start_service):
    async with start_service("intake") as intake:
        agent, nobody = intake.auth(), str(uuid.uuid4())
        assert (
            await intake.client.get(f"/v1/customers/{nobody}", headers=agent)
        ).status_code == 404
        r = await intake.client.post(
            f"/v1/customers/{nobody}/products",
            headers=agent,
            json={
                "category": "tv",
                "model": "M",
                "serial_no": "S",
                "purchased_on": "2026-01-01",
                "warranty_months": 12,
            },
        )
        assert r.status_code == 404
        customer = await make_customer(intake)
        future = await intake.client.post(
            f"/v1/customers/{customer['id']}/products",
            headers=agent,
            json={
                "category": "tv",
                "model": "M",
                "serial_no": "S2",
                "purchased_on": "2999-01-01",
                "warranty_months": 12,
            },
        )
        assert future.status_code == 422 and "future" in future.json()["detail"]
        bad_region = await intake.client.post(
            "/v1/customers",
            headers=agent,
            json={
                "name": "X",
                "phone": "13500000123",
                "address": {"region": "Shanghai", "city": "S", "line": "1"},
            },
        )
        assert bad_region.status_code == 422

        bought_today = await make_product(
            intake, customer["id"], purchased_on=date.today().isoformat()
        )
        ticket = await make_ticket(intake, customer=customer, product=bought_today)
        no_serial = await intake.client.post(
            f"/v1/tickets/{ticket['id']}/warranty-remedy",
            headers=agent,
            json={"remedy": "replace", "reason": "x"},
        )
        assert no_serial.status_code == 422 and "new_serial_no" in no_serial.json()["detail"]
        await intake.client.post(
            f"/v1/tickets/{ticket['id']}/cancel", headers=agent, json={"reason": "duplicate call"}
        )
        after_cancel = await intake.client.post(
            f"/v1/tickets/{ticket['id']}/warranty-remedy",
            headers=agent,
            json={"remedy": "repair", "reason": "x"},
        )
        assert after_cancel.status_code == 409
        assert (
            await intake.client.get(f"/v1/tickets/{nobody}/timeline", headers=agent)
        ).status_code == 404
        for path in (f"/v1/webhooks/{nobody}", f"/v1/webhooks/{nobody}/deliveries"):
            assert (await intake.client.get(path, headers=agent)).status_code == 404
        assert (
            await intake.client.post(f"/v1/webhooks/{nobody}/rotate-secret", headers=agent)
        ).status_code == 404
        assert (
            await intake.client.post(
                f"/v1/webhooks/{nobody}/deliveries/{nobody}/redeliver", headers=agent
            )
        ).status_code == 404
        bad_pattern = await intake.client.post(
            "/v1/webhooks",
            headers=agent,
            json={"url": "https://crm.example.com/hooks", "events": ["Not A Pattern"]},
        )
        assert bad_pattern.status_code == 422
        dup_catalogue = await intake.client.put(
            "/v1/service-catalogue",
            headers={**intake.auth("admin"), "If-Match": '"0"'},
            json={
                "categories": [
                    {"category": "tv", "kinds": ["repair"]},
                    {"category": "tv", "kinds": ["install"]},
                ]
            },
        )
        assert dup_catalogue.status_code == 422
