"""Role-per-schema isolation and migrations with their version table inside each schema."""

import asyncpg
import pytest

from aftersales.db import libpq_dsn
from aftersales.registry import SERVICE_NAMES


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
        assert sorted(r["table_schema"] for r in rows) == sorted(SERVICE_NAMES)
        for schema in SERVICE_NAMES:
            assert await conn.fetchval(f"SELECT version_num FROM {schema}.alembic_version")
            triggers = await conn.fetchval(
                "SELECT count(*) FROM information_schema.triggers"
                " WHERE event_object_schema=$1 AND event_object_table='outbox'",
                schema,
            )
            assert triggers == 1
    finally:
        await conn.close()


async def test_migrations_match_the_models_and_round_trip(infrastructure):
    """`alembic check` finds no drift; downgrade to base and upgrade again on a scratch DB."""
    import asyncio

    from alembic import command

    from aftersales.bootstrap import bootstrap, service_url
    from aftersales.migrations import alembic_config, upgrade

    scratch = "aftersales_migrations_check"
    await bootstrap(infrastructure.admin_url, scratch, list(SERVICE_NAMES))
    for name in SERVICE_NAMES:
        url = service_url(infrastructure.admin_url, name, scratch)
        cfg = alembic_config(f"{name}.migrations", url)
        await asyncio.to_thread(upgrade, f"{name}.migrations", url)
        await asyncio.to_thread(command.check, cfg)
        await asyncio.to_thread(command.downgrade, cfg, "base")
        await asyncio.to_thread(upgrade, f"{name}.migrations", url)
        await asyncio.to_thread(command.check, cfg)
