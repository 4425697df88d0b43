"""Database bootstrap: the database, one role and one schema per service.

Each service connects as its own role, which owns its schema and has no rights on the others'
(nor on ``public``): one service cannot read another's tables even by mistake.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from collections.abc import Iterable

import asyncpg
from sqlalchemy.engine import make_url

from aftersales.database import libpq_dsn


def role_password(service: str, secret: str | None = None, admin_url: str | None = None) -> str:
    """The password of a service's role. Production gives it (``<SVC>_DB_PASSWORD``, from a
    secret). Otherwise it is derived from the superuser's password in ``admin_url`` (the
    devstack's, kept under ``.data/``), so every tool holding the admin URL finds the same
    one and nothing else need be stored; a superuser without a password (a server that
    trusts local connections) keeps the old development password."""
    if secret:
        return secret
    admin_password = make_url(admin_url).password if admin_url else None
    if admin_password:
        mac = hmac.new(
            str(admin_password).encode(), f"aftersales-role:{service}".encode(), hashlib.sha256
        )
        return base64.urlsafe_b64encode(mac.digest()).rstrip(b"=").decode()
    return f"{service}-dev-password"


def service_url(admin_url: str, service: str, database: str, password: str | None = None) -> str:
    url = make_url(admin_url).set(
        drivername="postgresql+asyncpg",
        username=service,
        password=role_password(service, password, admin_url),
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
                password = role_password(service, (passwords or {}).get(service), admin_url)
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
