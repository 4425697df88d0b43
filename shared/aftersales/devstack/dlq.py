"""Dead letters across services, for the CLI."""

from __future__ import annotations

import uuid
from typing import Any

from aftersales.bootstrap import service_url
from aftersales.db import Database
from aftersales.messaging.consumer import ReplayResult, list_dead_letters, replay_dead_letters
from aftersales.registry import service


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
            settings=definition.settings_cls(),
        )
        try:
            results[name] = await replay_dead_letters(
                db, definition.handlers_by_consumer(), ids=ids
            )
        finally:
            await db.dispose()
    return results
