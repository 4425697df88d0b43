"""A customer's right to be forgotten, across the four services run as processes."""

import uuid
from datetime import date, timedelta

import asyncpg
import pytest

from aftersales_testing.apps import eventually
from aftersales_testing.world import World

pytestmark = pytest.mark.asyncio(loop_scope="session")


async def test_an_erased_customer_leaves_only_tombstones_and_the_export_shows_what_is_kept(
    world: World, webhook_receiver, admin_dsn
):
    crm = world.stack.auth("crm", tenant_id="privacy")
    await world.ok(
        await world.intake.post(
            "/v1/webhooks",
            json={"url": webhook_receiver.url, "events": ["intake.ticket.created.v1"]},
            headers=crm,
        ),
        201,
    )
    point, [tech] = await world.point("PRIV-POINT", "510077")
    customer, product = await world.customer("510077", in_warranty=True, headers=crm)
    ticket = await world.ticket(customer, product, headers=crm, channel="crm")
    job = await world.job(ticket["id"], status="offered")
    job = await world.book(job, point, tech)
    await world.fix_on_site(job, tech)
    await world.callback(job["id"])
    name, phone = customer["name"], customer["phone"]

    crm_erase = await world.intake.post(f"/v1/customers/{customer['id']}/erase", headers=crm)
    assert crm_erase.status_code == 403  # only an administrator erases
    erased = await world.ok(
        await world.intake.post(f"/v1/customers/{customer['id']}/erase", headers=world.admin)
    )
    assert erased["name"] == erased["phone"] == "[erased]"
    assert erased["address"]["line"] == "[erased]" and erased["address"]["region"] == "510077"

    async def dispatch_forgot():
        r = await world.dispatch.get(f"/v1/jobs/{job['id']}", headers=world.admin)
        return r.json()["customer"]["name"] == "[erased]"

    async def feedback_forgot():
        r = await world.feedback.get(f"/v1/customers/{customer['id']}/export", headers=world.admin)
        return r.json()["tickets"] and r.json()["tickets"][0]["customer_name"] == "[erased]"

    await eventually(dispatch_forgot, timeout=30)
    await eventually(feedback_forgot, timeout=30)

    conn = await asyncpg.connect(admin_dsn)
    try:
        for schema in ("intake", "dispatch", "billing", "feedback"):
            for table, column in (
                ("outbox", "payload"),
                ("dead_letters", "payload"),
                ("idempotency_keys", "response_body"),
            ):
                found = await conn.fetchval(
                    f"SELECT count(*) FROM {schema}.{table}"
                    f" WHERE position($1::bytea in {column}) > 0",
                    name.encode(),
                )
                assert found == 0, (schema, table)
        deliveries = await conn.fetchval(
            "SELECT count(*) FROM intake.webhook_deliveries"
            " WHERE position($1::bytea in payload) > 0",
            name.encode(),
        )
        assert deliveries == 0
    finally:
        await conn.close()

    exports = {}
    for service in ("intake", "dispatch", "billing", "feedback"):
        client = getattr(world, service)
        r = await client.get(f"/v1/customers/{customer['id']}/export", headers=world.admin)
        assert r.status_code == 200, (service, r.text)
        assert name not in r.text and phone not in r.text, service
        exports[service] = r.json()
    assert exports["intake"]["tickets"][0]["id"] == ticket["id"]
    assert exports["dispatch"]["jobs"][0]["id"] == job["id"]
    assert exports["billing"]["charges"][0]["ticket_id"] == ticket["id"]
    assert exports["feedback"]["callbacks"][0]["ticket_id"] == ticket["id"]


async def _leftovers(admin_dsn: str, markers: list[str]) -> list[tuple[str, str, str]]:
    """Every (schema.table, column, marker) whose text, JSON or bytes still hold a marker, in
    every table of the four services: a table added later is walked too."""
    conn = await asyncpg.connect(admin_dsn)
    found = []
    try:
        columns = await conn.fetch(
            "SELECT table_schema, table_name, column_name, data_type"
            " FROM information_schema.columns"
            " WHERE table_schema = ANY($1::text[])"
            " AND data_type IN ('text', 'character varying', 'jsonb', 'json', 'bytea')",
            ["intake", "dispatch", "billing", "feedback"],
        )
        for c in columns:
            where = f'"{c["table_schema"]}"."{c["table_name"]}"'
            column = f'"{c["column_name"]}"'
            test = (
                f"position(convert_to($1, 'UTF8') in {column}) > 0"
                if c["data_type"] == "bytea"
                else f"position($1 in {column}::text) > 0"
            )
            for marker in markers:
                if await conn.fetchval(f"SELECT count(*) FROM {where} WHERE {test}", marker):
                    found.append((where, c["column_name"], marker))
    finally:
        await conn.close()
    return found


async def test_erasure_leaves_no_personal_data_in_any_table_or_stored_payload(
    world: World, webhook_receiver, admin_dsn
):
    """Name, phone, address line, the product's installation address and a parts order's
    shipping address, written where the stack keeps them (tickets, jobs, parts orders, charges,
    callbacks, outboxes, webhook deliveries, notifications, idempotency answers, audit): after
    erasure no table or payload column of any service holds one of them, and no export does."""
    tag = uuid.uuid4().hex[:10]
    name, line, site = f"NAME{tag}", f"LINE{tag}", f"SITE{tag}"
    phone = f"139{uuid.uuid4().int % 10**8:08d}"
    markers = [name, line, site, phone]
    crm = world.stack.auth("crm", tenant_id="privacy")
    for events, who in ((["intake.>", "dispatch.>"], crm), ([">"], world.agent)):
        await world.ok(
            await world.intake.post(
                "/v1/webhooks",
                json={"url": webhook_receiver.url, "events": events},
                headers=who,
            ),
            201,
        )
    point, [tech] = await world.point("PRIV-WALK", "510078")
    customer = await world.ok(
        await world.intake.post(
            "/v1/customers",
            json={
                "name": name,
                "phone": phone,
                "email": f"{tag}@example.com",
                "address": {"region": "510078", "city": "Guangzhou", "line": line},
            },
            headers=crm,
        ),
        201,
    )
    markers.append(f"{tag}@example.com")
    product = await world.ok(
        await world.intake.post(
            f"/v1/customers/{customer['id']}/products",
            json={
                "category": "air_conditioner",
                "model": "KFR-35GW",
                "serial_no": f"S{tag}",
                "purchased_on": (date.today() - timedelta(days=30)).isoformat(),
                "warranty_months": 12,
            },
            headers=crm,
        ),
        201,
    )
    installed = await world.intake.patch(
        f"/v1/products/{product['id']}",
        json={"installation_address": {"region": "510078", "city": "Guangzhou", "line": site}},
        headers={**world.agent, "If-Match": '"1"'},
    )
    assert installed.status_code == 200, installed.text
    ticket = await world.ticket(customer, product, headers=crm, channel="crm")
    job = await world.book(await world.job(ticket["id"], status="offered"), point, tech)
    await world.fix_on_site(job, tech)
    await world.callback(job["id"])
    await world.ok(
        await world.intake.post(
            "/v1/tickets",
            json={
                "customer_id": customer["id"],
                "product_id": product["id"],
                "kind": "parts_order",
                "description": "a remote control",
                "channel": "crm",
                "lines": [{"sku": "REMOTE-1", "qty": 1}],
            },
            headers={**crm, "Idempotency-Key": str(uuid.uuid4())},
        ),
        201,
    )

    # Written where the services keep it before it is forgotten (so the walk sees it at all):
    # billing keeps no personal data, only the ticket's and the product's facts.
    try:
        await eventually(lambda: _written(admin_dsn, markers), timeout=30)
    except AssertionError:
        raise AssertionError(await _leftovers(admin_dsn, markers)) from None

    await world.ok(
        await world.intake.post(f"/v1/customers/{customer['id']}/erase", headers=world.admin)
    )

    async def forgotten():
        return await _leftovers(admin_dsn, markers) == []

    try:
        await eventually(forgotten, timeout=60)
    except AssertionError:
        raise AssertionError(await _leftovers(admin_dsn, markers)) from None
    for service in ("intake", "dispatch", "billing", "feedback"):
        r = await getattr(world, service).get(
            f"/v1/customers/{customer['id']}/export", headers=world.admin
        )
        assert r.status_code == 200, (service, r.text)
        assert not [m for m in markers if m in r.text], service


async def _written(admin_dsn: str, markers: list[str]) -> bool:
    held = {(t, c) for t, c, _ in await _leftovers(admin_dsn, markers)}
    return {
        ('"intake"."webhook_deliveries"', "payload"),
        ('"intake"."notifications"', "body"),
        ('"dispatch"."jobs"', "customer"),
        ('"dispatch"."parts_orders"', "ship_to"),
        ('"feedback"."ticket_contacts"', "customer_name"),
    } <= held
