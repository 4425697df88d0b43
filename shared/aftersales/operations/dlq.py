"""Dead letters and backfills across services, for the CLI."""

from __future__ import annotations

import uuid
from typing import Any

from aftersales.bootstrap import service_url
from aftersales.database import Database
from aftersales.messaging.consumer import ReplayResult, list_dead_letters, replay_dead_letters
from aftersales.registry import SERVICE_NAMES, service


async def list_all(
    admin_url: str, database: str, services: list[str]
) -> list[tuple[str, dict[str, Any]]]:
    out: list[tuple[str, dict[str, Any]]] = []
    for name in services:
        definition = service(name).definition()
        db = Database(service_url(admin_url, name, database), definition.metadata, pool_size=1)
        try:
            out += [(name, row) for row in await list_dead_letters(db)]
        finally:
            await db.dispose()
    return out


async def replay_all(
    admin_url: str, database: str, services: list[str], ids: list[uuid.UUID] | None
) -> dict[str, ReplayResult]:
    results: dict[str, ReplayResult] = {}
    for name in services:
        definition = service(name).definition()
        db = Database(
            service_url(admin_url, name, database),
            definition.metadata,
            pool_size=1,
        )
        handlers = definition.handlers_by_consumer(definition.policy_for())
        try:
            results[name] = await replay_dead_letters(db, handlers, ids=ids)
        finally:
            await db.dispose()
    return results


async def run_backfill(admin_url: str, database: str, name: str) -> dict[str, int]:
    """Run every service's backfill called ``name`` against its own schema."""
    done: dict[str, int] = {}
    for svc in SERVICE_NAMES:
        definition = service(svc).definition()
        task = definition.backfills.get(name)
        if task is None:
            continue
        db = Database(
            service_url(admin_url, svc, database),
            definition.metadata,
            pool_size=1,
        )
        try:
            done[svc] = await task(db, definition.policy_for())
        finally:
            await db.dispose()
    if not done:
        known = sorted({b for s in SERVICE_NAMES for b in service(s).definition().backfills})
        raise LookupError(f"no backfill called {name!r}; known: {', '.join(known) or 'none'}")
    return done
