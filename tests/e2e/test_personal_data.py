"""A customer's right to be forgotten, across the four services run as processes."""

import asyncpg
import pytest

from aftersales.testing.apps import eventually
from aftersales.testing.world import World

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
