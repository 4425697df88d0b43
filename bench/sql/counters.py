"""PostgreSQL's counters for the bench's database: ``pg_stat_statements`` (loaded by
``SERVER_SETTINGS``, kept in the ``postgres`` database) and the tables' write counters
(``pg_stat_user_tables``), with the application database's foreign keys."""

from __future__ import annotations

import asyncio
from typing import Any

import asyncpg

SERVER_SETTINGS = {
    "shared_preload_libraries": "pg_stat_statements",
    "pg_stat_statements.track": "all",
    "pg_stat_statements.track_utility": "on",
    "pg_stat_statements.max": "20000",
}


def _postgres_dsn(admin_url: str) -> str:
    """The superuser on the ``postgres`` database (``EmbeddedPostgres.admin_url`` is that)."""
    return admin_url.rsplit("/", 1)[0] + "/postgres"


def _database_dsn(admin_url: str, database: str) -> str:
    return admin_url.rsplit("/", 1)[0] + f"/{database}"


async def enable(admin_url: str) -> None:
    conn = await asyncpg.connect(_postgres_dsn(admin_url))
    try:
        await conn.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements")
    finally:
        await conn.close()


async def reset(admin_url: str, database: str) -> dict[tuple[str, str], dict[str, int]]:
    """Empty ``pg_stat_statements``; returns the tables' write counters as they are now (the
    start of the span ``tables`` measures)."""
    conn = await asyncpg.connect(_postgres_dsn(admin_url))
    try:
        await conn.execute("SELECT pg_stat_statements_reset()")
    finally:
        await conn.close()
    return await _table_counters(admin_url, database)


async def _table_counters(admin_url: str, database: str) -> dict[tuple[str, str], dict[str, int]]:
    conn = await asyncpg.connect(_database_dsn(admin_url, database))
    try:
        rows = await conn.fetch(
            "SELECT schemaname, relname, n_tup_ins, n_tup_upd, n_tup_del FROM pg_stat_user_tables"
        )
    finally:
        await conn.close()
    return {
        (r["schemaname"], r["relname"]): {
            "inserted": r["n_tup_ins"],
            "updated": r["n_tup_upd"],
            "deleted": r["n_tup_del"],
        }
        for r in rows
    }


async def snapshot(admin_url: str, database: str) -> list[dict[str, Any]]:
    """Every statement counted in ``database`` since the last reset: the role that ran it,
    whether it was sent by a client (top level) or run for one (nested), calls, rows and the
    normalised text."""
    conn = await asyncpg.connect(_postgres_dsn(admin_url))
    try:
        rows = await conn.fetch(
            """
            SELECT coalesce(r.rolname, '?') AS role, s.toplevel, s.calls, s.rows, s.query
            FROM pg_stat_statements(true) s
            JOIN pg_database d ON d.oid = s.dbid
            LEFT JOIN pg_roles r ON r.oid = s.userid
            WHERE d.datname = $1 AND s.calls > 0
            """,
            database,
        )
        dealloc = await conn.fetchval("SELECT dealloc FROM pg_stat_statements_info")
    finally:
        await conn.close()
    if dealloc:
        raise RuntimeError(
            f"pg_stat_statements dropped {dealloc} entries: raise pg_stat_statements.max"
        )
    return [dict(r) for r in rows]


async def tables(
    admin_url: str, database: str, before: dict[tuple[str, str], dict[str, int]]
) -> dict[str, Any]:
    """Rows written per table since ``before``, and the foreign keys of the application
    database. A backend reports its table counters when it goes idle, at most 10 s late: wait
    that out first."""
    await asyncio.sleep(11)
    after = await _table_counters(admin_url, database)
    conn = await asyncpg.connect(_database_dsn(admin_url, database))
    try:
        keys = await conn.fetch(
            """
            SELECT c.conname,
                   cn.nspname AS schema, cr.relname AS child,
                   pr.relname AS parent,
                   (SELECT bool_or(NOT a.attnotnull) FROM pg_attribute a
                    WHERE a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)) AS nullable,
                   (SELECT string_agg(a.attname, ',') FROM pg_attribute a
                    WHERE a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)) AS columns
            FROM pg_constraint c
            JOIN pg_class cr ON cr.oid = c.conrelid
            JOIN pg_namespace cn ON cn.oid = cr.relnamespace
            JOIN pg_class pr ON pr.oid = c.confrelid
            WHERE c.contype = 'f'
            """
        )
    finally:
        await conn.close()
    written = {}
    for key, now in after.items():
        then = before.get(key, {"inserted": 0, "updated": 0, "deleted": 0})
        delta = {k: now[k] - then[k] for k in now}
        if any(delta.values()):
            written[f"{key[0]}.{key[1]}"] = delta
    return {"written": written, "foreign_keys": [dict(k) for k in keys]}
