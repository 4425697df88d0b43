"""The stock ledger at national scale: 2,000 locations x 5,000 SKUs (10 million stock levels)
and a year of movements, in an embedded PostgreSQL, then:

1. on-hand lookup, in process: ``StockRepository.levels`` for one (location, SKU), as
   ``GET /v1/stock?location_id=&sku=`` runs it, one after another at random pairs;
2. on-hand lookup over HTTP: ``GET /v1/stock?location_id=&sku=`` against one dispatch process
   (uvicorn, as ``make run`` starts it), one request at a time from one client, so the figure
   is the latency one caller sees (this is not a throughput measure, hence no load generator);
3. issue to a job, in process: ``issue_parts`` (the point's level locked, the movement row, the
   level updated, the reorder check) for one or two random SKUs of a random point, each in its
   own committed transaction — what a ``resolved_on_site`` report with parts adds.

The data is written straight into dispatch's tables with ``generate_series`` (a fixture, not the
code measured) and analysed before measuring.

    python -m bench.stock [--locations 2000] [--skus 5000] [--movements 3650000] [--samples 2000]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import tempfile
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import asyncpg
import httpx

from aftersales.auth import JWTAuthenticator
from aftersales.database import Database
from aftersales.registry import SERVICES, service
from aftersales.settings import ServiceSettings
from aftersales_dev.devstack.nats import EmbeddedNats
from aftersales_dev.devstack.ports import free_port
from aftersales_dev.devstack.postgres import EmbeddedPostgres
from aftersales_dev.devstack.stack import (
    DATABASE,
    ServiceProcess,
    ServiceSupervisor,
    prepare_database,
    service_env,
)
from bench.common import RESULTS, SECRET, machine
from bench.dispatch import CATEGORIES, REGIONS, SEED_POINTS, summary_ms

SEED_PARTS = """
INSERT INTO dispatch.parts (sku, name, categories, models, unit, standard_cost,
                            return_required, return_within_days, version)
SELECT 'SKU-' || lpad(i::text, 5, '0'), 'Part ' || i, ARRAY[($2::text[])[1 + i % 5]],
       ARRAY[]::text[], 'pcs', 500 + (i * 37) % 50000, i % 7 = 0, 30, 1
FROM generate_series(1, $1::int) AS i
"""
SEED_LEVELS = """
INSERT INTO dispatch.stock_levels (location_id, sku, on_hand, reserved, in_transit, shortfall,
                                   reorder_level, version)
SELECT p.id, s.sku, (hashint4(hashtext(p.code || s.sku)) & 15) + 5, 0, 0, 0, NULL, 1
FROM dispatch.points p CROSS JOIN dispatch.parts s
"""
# A year of movements: mostly parts issued to jobs, some arrivals and transfers, at random
# (location, SKU) pairs and moments.
SEED_MOVEMENTS = """
INSERT INTO dispatch.stock_movements (id, location_id, sku, kind, qty, on_hand_after,
                                      shortfall_after, job_id, actor, at)
SELECT gen_random_uuid(), loc.ids[1 + (random() * (array_length(loc.ids, 1) - 1))::int],
       'SKU-' || lpad((1 + (random() * ($2::int - 1))::int)::text, 5, '0'),
       k.kind, CASE WHEN k.kind IN ('issue', 'transfer_out') THEN -1 ELSE 3 END, 10, 0,
       CASE WHEN k.kind = 'issue' THEN gen_random_uuid() END, 'bench',
       now() - random() * interval '365 days'
FROM generate_series(1, $1::int) AS i,
     LATERAL (SELECT (ARRAY['issue', 'issue', 'issue', 'issue', 'issue', 'issue', 'issue',
                            'receive', 'transfer_in', 'transfer_out'])[1 + i % 10] AS kind) k,
     (SELECT array_agg(id) AS ids FROM dispatch.points) loc
"""


async def seed(dsn: str, locations: int, skus: int, movements: int) -> dict[str, object]:
    conn = await asyncpg.connect(dsn)
    timings = {}
    try:
        await conn.execute("SET synchronous_commit = off")
        for name, sql, args in (
            ("points", SEED_POINTS, (REGIONS, CATEGORIES, locations)),
            ("parts", SEED_PARTS, (skus, CATEGORIES)),
            ("levels", SEED_LEVELS, ()),
            ("movements", SEED_MOVEMENTS, (movements, skus)),
        ):
            started = time.monotonic()
            await conn.execute(sql, *args)
            timings[name] = round(time.monotonic() - started, 1)
        await conn.execute("VACUUM ANALYZE dispatch.stock_levels")
        await conn.execute("VACUUM ANALYZE dispatch.stock_movements")
        size = await conn.fetchval(
            "SELECT pg_size_pretty(pg_total_relation_size('dispatch.stock_levels')"
            " + pg_total_relation_size('dispatch.stock_movements'))"
        )
        return {
            "locations": await conn.fetchval("SELECT count(*) FROM dispatch.points"),
            "skus": await conn.fetchval("SELECT count(*) FROM dispatch.parts"),
            "stock_levels": await conn.fetchval("SELECT count(*) FROM dispatch.stock_levels"),
            "movements": await conn.fetchval("SELECT count(*) FROM dispatch.stock_movements"),
            "ledger_size_on_disk": size,
            "seed_seconds": timings,
        }
    finally:
        await conn.close()


async def pairs(dsn: str, n: int) -> list[tuple[uuid.UUID, str]]:
    conn = await asyncpg.connect(dsn)
    try:
        points = [r["id"] for r in await conn.fetch("SELECT id FROM dispatch.points")]
        skus = [r["sku"] for r in await conn.fetch("SELECT sku FROM dispatch.parts")]
    finally:
        await conn.close()
    return [(random.choice(points), random.choice(skus)) for _ in range(n)]


async def in_process(url: str, samples: list[tuple[uuid.UUID, str]]) -> dict[str, object]:
    from dispatch.adapters.repositories.stock import StockFilter, StockRepository
    from dispatch.use_cases.stock import issue_parts

    definition = service("dispatch").definition()
    db = Database(url, definition.metadata)
    lookups: list[float] = []
    issues: list[float] = []
    try:
        for location, sku in samples[:50]:  # warm the pool and the caches a little
            async with db.uow() as uow:
                await StockRepository(uow.session).levels(
                    StockFilter(location_id=location, sku=sku), after=None, limit=1
                )
        for location, sku in samples:
            started = time.perf_counter()
            async with db.uow() as uow:
                rows = await StockRepository(uow.session).levels(
                    StockFilter(location_id=location, sku=sku), after=None, limit=1
                )
            lookups.append((time.perf_counter() - started) * 1000)
            assert len(rows) == 1
        for i, (location, sku) in enumerate(samples):
            lines = [(sku, 1)]
            if i % 2:  # every other report uses two parts
                lines.append((samples[(i * 7) % len(samples)][1], 1))
                lines = list(dict(lines).items())
            started = time.perf_counter()
            async with db.uow() as uow:
                moved = await issue_parts(uow, uuid.uuid4(), location, lines, actor="bench")
                await uow.commit()
            issues.append((time.perf_counter() - started) * 1000)
            assert len(moved) == len(lines)
    finally:
        await db.dispose()
    return {"lookup_ms": summary_ms(lookups), "issue_to_job_ms": summary_ms(issues)}


async def over_http(base: str, samples: list[tuple[uuid.UUID, str]]) -> dict[str, object]:
    """One (location, SKU); a location's first page of 50; and pages through the whole
    network's stock by cursor; each one request at a time (the first 50 of each warm up)."""
    token = JWTAuthenticator(ServiceSettings(jwt_secret=SECRET)).issue(role="admin")
    one: list[float] = []
    location_page: list[float] = []
    deep_page: list[float] = []
    async with httpx.AsyncClient(
        base_url=base, headers={"Authorization": f"Bearer {token}"}, timeout=30
    ) as client:

        async def timed(params: dict[str, str], into: list[float], warm: bool) -> Any:
            started = time.perf_counter()
            r = await client.get("/v1/stock", params=params)
            elapsed = (time.perf_counter() - started) * 1000
            assert r.status_code == 200 and r.json()["items"], r.text
            if not warm:
                into.append(elapsed)
            return r.json()

        for i, (location, sku) in enumerate(samples):
            await timed({"location_id": str(location), "sku": sku}, one, i < 50)
        for i, (location, _) in enumerate(samples[:250]):
            await timed({"location_id": str(location)}, location_page, i < 50)
        cursor = None
        for i in range(250):
            page = await timed({"cursor": cursor} if cursor else {}, deep_page, i < 50)
            cursor = page["next_cursor"]
    return {
        "lookup_ms": summary_ms(one),
        "location_first_page_ms": summary_ms(location_page),
        "network_pages_by_cursor_ms": summary_ms(deep_page),
    }


async def main(locations: int, skus: int, movements: int, samples: int) -> dict[str, object]:
    with tempfile.TemporaryDirectory(prefix="aftersales-bench-stock-") as tmp:
        data = Path(tmp)
        pg = EmbeddedPostgres(data / "pg", free_port())
        broker = EmbeddedNats(data / "nats", free_port())
        supervisor = ServiceSupervisor()
        pg.start()
        broker.start()
        try:
            urls = await prepare_database(pg.admin_url, DATABASE)
            dsn = pg.admin_url.rsplit("/", 1)[0] + f"/{DATABASE}"
            loaded = await seed(dsn, locations, skus, movements)
            chosen = await pairs(dsn, samples + 50)
            measured = await in_process(urls["dispatch"], chosen)

            ref = next(r for r in SERVICES if r.name == "dispatch")
            port = free_port()
            os.environ[f"{ref.env_prefix}PORT"] = str(port)
            env = service_env(ref, db_url=urls["dispatch"], nats_url=broker.url, jwt_secret=SECRET)
            env["AFTERSALES_LOG_LEVEL"] = "WARNING"
            env["AFTERSALES_RATE_LIMIT_ENABLED"] = "false"
            supervisor.processes.append(ServiceProcess(ref, env, data / "logs" / "dispatch.log"))
            supervisor.start_all()
            ready = await asyncio.to_thread(supervisor.wait_ready, 90)
            assert all(ready.values()), ready
            http = await over_http(f"http://127.0.0.1:{port}", chosen)
        finally:
            supervisor.stop_all()
            broker.stop()
            pg.stop()
    return {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "loaded": loaded,
        "in_process": measured,
        "http": http,
    }


def cli() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--locations", type=int, default=2000)
    parser.add_argument("--skus", type=int, default=5000)
    parser.add_argument("--movements", type=int, default=3_650_000)
    parser.add_argument("--samples", type=int, default=2000)
    args = parser.parse_args()
    result = asyncio.run(main(args.locations, args.skus, args.movements, args.samples))
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "stock.json").write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    cli()
