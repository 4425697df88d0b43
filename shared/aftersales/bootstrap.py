"""Database bootstrap: the database, one role and one schema per service.

Each service connects as its own role, which owns its schema and has no rights on the others'
(nor on ``public``): one service cannot read another's tables even by mistake.
"""

from __future__ import annotations

from collections.abc import Iterable

import asyncpg
from sqlalchemy.engine import make_url

from aftersales.db import libpq_dsn


def role_password(service: str, secret: str | None = None) -> str:
    """Development password of a service's role; production sets ``<SVC>_DATABASE_URL``."""
    return secret or f"{service}-dev-password"


def service_url(admin_url: str, service: str, database: str, password: str | None = None) -> str:
    url = make_url(admin_url).set(
        drivername="postgresql+asyncpg",
        username=service,
        password=role_password(service, password),
        database=database,
    )
    return url.render_as_string(hide_password=False)


def _ident(name: str) -> str:
    if not name.replace("_", "").isalnum():
        raise ValueError(f"not a safe identifier: {name!r}")
    return f'"{name}"'


async def bootstrap(
    admin_url: str,
    database: str,
    services: Iterable[str],
    passwords: dict[str, str] | None = None,
) -> None:
    """Idempotent: creates what is missing, resets role passwords, tightens privileges.
    ``passwords`` (production: from secrets) override the development ones."""
    admin_dsn = libpq_dsn(admin_url)
    conn = await asyncpg.connect(admin_dsn, timeout=10)
    try:
        exists = await conn.fetchval("SELECT 1 FROM pg_database WHERE datname = $1", database)
        if not exists:
            await conn.execute(f"CREATE DATABASE {_ident(database)}")
    finally:
        await conn.close()

    conn = await asyncpg.connect(
        make_url(admin_dsn).set(database=database).render_as_string(hide_password=False),
        timeout=10,
    )
    try:
        async with conn.transaction():
            await conn.execute("SELECT pg_advisory_xact_lock(4242)")
            await conn.execute(f"REVOKE ALL ON DATABASE {_ident(database)} FROM PUBLIC")
            await conn.execute("REVOKE ALL ON SCHEMA public FROM PUBLIC")
            for service in services:
                role = _ident(service)
                password = role_password(service, (passwords or {}).get(service))
                password = password.replace("'", "''")
                has_role = await conn.fetchval("SELECT 1 FROM pg_roles WHERE rolname = $1", service)
                verb = "ALTER" if has_role else "CREATE"
                await conn.execute(f"{verb} ROLE {role} LOGIN PASSWORD '{password}'")
                await conn.execute(f"GRANT CONNECT ON DATABASE {_ident(database)} TO {role}")
                await conn.execute(f"CREATE SCHEMA IF NOT EXISTS {role} AUTHORIZATION {role}")
                await conn.execute(f"REVOKE ALL ON SCHEMA {role} FROM PUBLIC")
                await conn.execute(f"ALTER ROLE {role} SET search_path = {role}")
    finally:
        await conn.close()
