"""The application database: its name, its roles, schemas and migrations, and the superuser's
plain DSN on it."""

from __future__ import annotations

import asyncio
import importlib.util

from sqlalchemy.engine import make_url

from aftersales.bootstrap import bootstrap, service_url
from aftersales.database import libpq_dsn
from aftersales.registry import CONSOLE, SERVICES

DATABASE = "aftersales"


async def prepare_database(admin_url: str, database: str = DATABASE) -> dict[str, str]:
    """Roles, schemas and every service's migrations (and the console's, where it is
    installed); returns each one's own URL."""
    from aftersales.migrations import upgrade

    refs = [*SERVICES, *([CONSOLE] if importlib.util.find_spec("console") else [])]
    await bootstrap(admin_url, database, [s.name for s in refs])
    urls = {s.name: service_url(admin_url, s.name, database) for s in refs}
    for ref in refs:
        await asyncio.to_thread(upgrade, ref.migrations_package, urls[ref.name])
    return urls


def application_dsn(admin_url: str, database: str = DATABASE) -> str:
    """The superuser's plain DSN on the application database (tools and tests that look
    across every service's schema)."""
    return (
        make_url(libpq_dsn(admin_url)).set(database=database).render_as_string(hide_password=False)
    )
