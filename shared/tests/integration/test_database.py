"""Role-per-schema isolation and migrations with their version table inside each schema."""

import asyncio

import asyncpg
import pytest
from sqlalchemy import text

from aftersales.database import Database, libpq_dsn, make_metadata
from aftersales.registry import CONSOLE, SERVICE_NAMES

# Every schema with migrations: the four services' and the console's (its sessions).
MIGRATED = (*SERVICE_NAMES, CONSOLE.name)


async def test_each_service_role_can_use_only_its_own_schema(service_urls):
    conn = await asyncpg.connect(libpq_dsn(service_urls["intake"]))
    try:
        assert await conn.fetchval("SELECT count(*) FROM intake.tickets") >= 0
        for other in ("dispatch.jobs", "billing.ticket_facts", "feedback.ticket_contacts"):
            with pytest.raises(asyncpg.InsufficientPrivilegeError):
                await conn.fetchval(f"SELECT count(*) FROM {other}")
        with pytest.raises(asyncpg.InsufficientPrivilegeError):
            await conn.execute("CREATE TABLE public.sneaky (id int)")
    finally:
        await conn.close()


async def test_every_schema_is_migrated_with_its_own_version_table(admin_dsn):
    conn = await asyncpg.connect(admin_dsn)
    try:
        rows = await conn.fetch(
            "SELECT table_schema FROM information_schema.tables WHERE table_name='alembic_version'"
        )
        assert sorted(r["table_schema"] for r in rows) == sorted(MIGRATED)
        for schema in SERVICE_NAMES:
            assert await conn.fetchval(f"SELECT version_num FROM {schema}.alembic_version")
            # No trigger on the outbox: the relay is woken in process (a statement less for
            # every transaction that publishes).
            triggers = await conn.fetchval(
                "SELECT count(*) FROM information_schema.triggers"
                " WHERE event_object_schema=$1 AND event_object_table='outbox'",
                schema,
            )
            assert triggers == 0
    finally:
        await conn.close()


async def test_migrations_match_the_models_and_round_trip(infrastructure):
    """`alembic check` finds no drift; downgrade to base and upgrade again on a scratch DB."""
    import asyncio

    from alembic import command

    from aftersales.bootstrap import bootstrap, service_url
    from aftersales.migrations import alembic_config, upgrade

    scratch = "aftersales_migrations_check"
    await bootstrap(infrastructure.admin_url, scratch, list(MIGRATED))
    for name in MIGRATED:
        url = service_url(infrastructure.admin_url, name, scratch)
        cfg = alembic_config(f"{name}.migrations", url)
        await asyncio.to_thread(upgrade, f"{name}.migrations", url)
        await asyncio.to_thread(command.check, cfg)
        await asyncio.to_thread(command.downgrade, cfg, "base")
        await asyncio.to_thread(upgrade, f"{name}.migrations", url)
        await asyncio.to_thread(command.check, cfg)


async def _backend_of(db) -> tuple[int, object]:
    """The server process behind the pool's connection, and asyncpg's connection itself."""
    async with db.uow() as uow:
        conn = await uow.session.connection()
        driver = (await conn.get_raw_connection()).driver_connection
        pid = await uow.session.scalar(text("SELECT pg_backend_pid()"))
    return pid, driver


async def test_a_connection_the_server_closed_is_replaced_at_checkout_without_a_ping(
    service_urls, admin_dsn
):
    """A backend killed while its connection sat in the pool (a restart, an administrator's
    pg_terminate_backend) costs the next request nothing: the pool hands out a new one."""
    db = Database(service_urls["intake"], make_metadata("intake"), pool_size=1)
    admin = await asyncpg.connect(admin_dsn)
    try:
        pid, driver = await _backend_of(db)
        closed = asyncio.Event()
        driver.add_termination_listener(lambda _conn: closed.set())
        assert await admin.fetchval("SELECT pg_terminate_backend($1)", pid)
        await asyncio.wait_for(closed.wait(), 10)  # the client has seen the server close it

        new_pid, _ = await _backend_of(db)  # the dead connection would raise here
        assert new_pid != pid
    finally:
        await admin.close()
        await db.dispose()


async def test_a_connection_idle_past_the_limit_is_pinged_and_one_in_use_is_not(
    service_urls, monkeypatch
):
    """Steady state pays no round trip at checkout; a connection back from a long idle does
    (the ping is the empty query SQLAlchemy sends, seen on the wire by asyncpg's logger)."""
    import aftersales.database as dbmod

    db = Database(service_urls["intake"], make_metadata("intake"), pool_size=1)
    try:
        _, driver = await _backend_of(db)
        sent: list[str] = []
        driver.add_query_logger(lambda logged: sent.append(logged.query))
        for _ in range(3):
            await _backend_of(db)
        assert sent and ";" not in sent  # back to back: no round trip spent on liveness
        monkeypatch.setattr(dbmod, "IDLE_PING_SECONDS", 0.0)
        await _backend_of(db)
        assert sent.count(";") == 1
    finally:
        await db.dispose()
