"""The `aftersales` command line against the test stack."""

import asyncio
import uuid

import asyncpg
import jwt
from typer.testing import CliRunner

from aftersales.cli import app
from aftersales.events import encode
from aftersales.testing.factories import ticket_created

runner = CliRunner()


def test_token_needs_the_scope_its_role_requires(tmp_path):
    env = {"AFTERSALES_JWT_SECRET": "cli-secret-" + "c" * 32, "COLUMNS": "200"}
    missing = runner.invoke(app, ["token", "--role", "point"], env=env)
    assert missing.exit_code != 0 and "--point" in missing.output
    point_id = str(uuid.uuid4())
    ok = runner.invoke(app, ["token", "--role", "point", "--point", point_id], env=env)
    assert ok.exit_code == 0, ok.output
    claims = jwt.decode(
        ok.output.strip(), env["AFTERSALES_JWT_SECRET"], algorithms=["HS256"], audience="aftersales"
    )
    assert claims["role"] == "point" and claims["point_id"] == point_id
    bad = runner.invoke(app, ["token", "--role", "root"], env=env)
    assert bad.exit_code != 0


def test_dlq_list_and_replay(clean_state, admin_dsn, infrastructure):
    event = ticket_created()

    async def bury() -> None:
        conn = await asyncpg.connect(admin_dsn)
        try:
            await conn.execute(
                "INSERT INTO dispatch.dead_letters (id, consumer, event_id, subject, payload,"
                " error, deliveries) VALUES ($1, 'dispatch:INTAKE', $2, $3, $4, 'boom', 5)",
                uuid.uuid4(),
                event.id,
                event.type,
                encode(event),
            )
        finally:
            await conn.close()

    async def jobs() -> int:
        conn = await asyncpg.connect(admin_dsn)
        try:
            return await conn.fetchval(
                "SELECT count(*) FROM dispatch.jobs WHERE ticket_id = $1", event.data.ticket_id
            )
        finally:
            await conn.close()

    asyncio.run(bury())
    env = {"DATABASE_URL": infrastructure.admin_url, "COLUMNS": "250"}
    listed = runner.invoke(app, ["dlq", "list", "--service", "dispatch"], env=env)
    assert listed.exit_code == 0, listed.output
    assert "intake.ticket.created.v2" in listed.output and "boom" in listed.output

    replayed = runner.invoke(app, ["dlq", "replay", "--service", "dispatch"], env=env)
    assert replayed.exit_code == 0, replayed.output
    assert "dispatch: replayed 1, failed 0" in replayed.output
    assert asyncio.run(jobs()) == 1

    again = runner.invoke(app, ["dlq", "replay"], env=env)
    assert again.exit_code == 0 and "dispatch: replayed 0" in again.output
    assert asyncio.run(jobs()) == 1
    after = runner.invoke(app, ["dlq", "list", "--service", "dispatch"], env=env)
    assert "intake.ticket.created.v2" not in after.output


def test_backfill_products_tells_billing_of_products_registered_before_the_events(
    clean_state, admin_dsn, infrastructure
):
    customer, product = uuid.uuid4(), uuid.uuid4()

    async def register_the_old_way() -> None:  # rows, and no event (as before the events)
        conn = await asyncpg.connect(admin_dsn)
        try:
            await conn.execute(
                "INSERT INTO intake.customers (id, name, phone, phone_normalized, region, city,"
                " line, version) VALUES ($1, 'Li', '13900000000', '+8613900000000', '310115',"
                " 'Shanghai', '1 Road', 1)",
                customer,
            )
            await conn.execute(
                "INSERT INTO intake.products (id, customer_id, category, model, serial_no,"
                " purchased_on, warranty_months, warranty_until, version) VALUES"
                " ($1, $2, 'fridge', 'BCD-1', 'OLD-1', '2025-01-01', 12, '2025-12-31', 1)",
                product,
                customer,
            )
        finally:
            await conn.close()

    async def outbox() -> list[str]:
        conn = await asyncpg.connect(admin_dsn)
        try:
            rows = await conn.fetch("SELECT subject FROM intake.outbox ORDER BY seq")
            return [r["subject"] for r in rows]
        finally:
            await conn.close()

    asyncio.run(register_the_old_way())
    env = {"DATABASE_URL": infrastructure.admin_url, "COLUMNS": "200"}
    unknown = runner.invoke(app, ["backfill", "gremlins"], env=env)
    assert unknown.exit_code != 0 and "products" in unknown.output
    done = runner.invoke(app, ["backfill", "products"], env=env)
    assert done.exit_code == 0, done.output
    assert "intake: 1 published" in done.output
    assert asyncio.run(outbox()) == ["intake.product.registered.v1"]
