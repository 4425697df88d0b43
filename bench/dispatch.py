"""Dispatch benchmarks: routing with a national network loaded, and status-report throughput.

Loads 2,000 network points (each serving 3 of 100 regions and 2 of 5 product categories, so a
ticket has about 24 candidate points, and every region and category has some) and 20,000
technicians into an embedded PostgreSQL, then measures:

1. routing per ticket, in process: ``create_job_for_ticket`` (candidate query, ranking, lock
   and recount of the winner, job, offer, timers, outbox) in its own transaction, one after
   another — the time one ticket costs;
2. routing through the broker: tickets published to JetStream as fast as possible and routed
   by one dispatch process (uvicorn, as ``make run`` starts it) — tickets routed per second;
3. status reports: ``POST /v1/jobs/{id}/status`` (``en_route``, ``on_site``,
   ``resolved_on_site`` with a signature) from concurrent clients — reports per second and the
   latency each client sees.

    python -m bench.dispatch [--points 2000] [--tickets 1000] [--report-jobs 400]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import statistics
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import asyncpg
import httpx
import nats

from aftersales.database import Database
from aftersales.events import encode, intake
from aftersales.messaging.streams import ensure_stream
from aftersales.registry import SERVICES, service
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
from aftersales_testing.factories import SIGNATURE, ticket_created
from bench.common import RESULTS, SECRET, machine, pct

REGIONS = [f"{110000 + i:06d}" for i in range(100)]
CATEGORIES = ["air_conditioner", "washing_machine", "fridge", "water_heater", "television"]

SEED_POINTS = """
INSERT INTO dispatch.points (id, code, name, regions, categories, daily_capacity, is_partner,
                             grade, active, version)
SELECT gen_random_uuid(), 'P-' || lpad(i::text, 5, '0'), 'Point ' || i,
       ARRAY[($1::text[])[1 + i % 100], ($1::text[])[1 + (i + 1) % 100],
             ($1::text[])[1 + (i + 2) % 100]],
       ARRAY[($2::text[])[1 + (i / 3) % 5], ($2::text[])[1 + (i / 3 + 1) % 5]],
       50, i % 4 = 0, (ARRAY['A', 'B', 'C', 'D', NULL])[1 + i % 5], true, 1
FROM generate_series(1, $3::int) AS i
"""
SEED_TECHNICIANS = """
INSERT INTO dispatch.technicians (id, point_id, name, phone, skills, status, version)
SELECT gen_random_uuid(), p.id, 'Tech ' || p.code || '-' || t, '139' || lpad(t::text, 8, '0'),
       p.categories, 'active', 1
FROM dispatch.points p, generate_series(1, $1::int) AS t
"""


def summary_ms(values: list[float]) -> dict[str, float]:
    return {
        "count": len(values),
        "p50": round(pct(values, 50), 2),
        "p90": round(pct(values, 90), 2),
        "p99": round(pct(values, 99), 2),
        "mean": round(statistics.fmean(values), 2),
    }


def a_ticket() -> object:
    env = ticket_created()
    data = env.data.model_copy(
        update={
            "customer": env.data.customer.model_copy(update={"region": random.choice(REGIONS)}),
            "product": env.data.product.model_copy(update={"category": random.choice(CATEGORIES)}),
        }
    )
    return env.model_copy(update={"data": data, "id": uuid.uuid4()})


async def seed(dsn: str, points: int, technicians_per_point: int) -> dict[str, int]:
    """The network, written straight into dispatch's tables (a fixture, not the code measured)."""
    conn = await asyncpg.connect(dsn)
    try:
        await conn.execute(SEED_POINTS, REGIONS, CATEGORIES, points)
        await conn.execute(SEED_TECHNICIANS, technicians_per_point)
        await conn.execute("ANALYZE dispatch.points; ANALYZE dispatch.technicians")
        return {
            "points": await conn.fetchval("SELECT count(*) FROM dispatch.points"),
            "technicians": await conn.fetchval("SELECT count(*) FROM dispatch.technicians"),
        }
    finally:
        await conn.close()


async def route_in_process(url: str, tickets: int) -> dict[str, object]:
    from dispatch.settings import DispatchSettings
    from dispatch.use_cases.jobs import create_job_for_ticket
    from dispatch.use_cases.policy import DispatchPolicy

    definition = service("dispatch").definition()
    policy = DispatchPolicy.from_settings(DispatchSettings())
    db = Database(url, definition.metadata)
    timings: list[float] = []
    candidates: list[int] = []
    try:
        for _ in range(tickets):
            env = a_ticket()
            started = time.perf_counter()
            async with db.uow() as uow:
                await create_job_for_ticket(uow, env, policy=policy)  # type: ignore[arg-type]
                await uow.commit()
            timings.append((time.perf_counter() - started) * 1000)
        async with db.uow() as uow:
            from sqlalchemy import text

            rows = await uow.session.execute(
                text("SELECT (routing->>'total_candidates')::int, status FROM dispatch.jobs")
            )
            found = rows.all()
            candidates = [r[0] for r in found]
            routed = sum(1 for r in found if r[1] == "offered")
    finally:
        await db.dispose()
    return {
        "ms_per_ticket": summary_ms(timings),
        "candidates_per_ticket_mean": round(statistics.fmean(candidates), 1),
        "routed": routed,
        "unrouted": len(candidates) - routed,
    }


async def route_through_broker(nats_url: str, dsn: str, tickets: int) -> dict[str, float]:
    conn = await asyncpg.connect(dsn)
    before = await conn.fetchval("SELECT count(*) FROM dispatch.jobs")
    nc = await nats.connect(nats_url)
    js = nc.jetstream()
    await ensure_stream(js, "intake")
    envelopes = [a_ticket() for _ in range(tickets)]
    started = time.monotonic()
    for env in envelopes:
        await js.publish(
            intake.TicketCreated.SUBJECT, encode(env), headers={"Nats-Msg-Id": str(env.id)}
        )  # type: ignore[attr-defined]
    published = time.monotonic() - started
    while await conn.fetchval("SELECT count(*) FROM dispatch.jobs") < before + tickets:  # noqa: ASYNC110
        await asyncio.sleep(0.05)
    elapsed = time.monotonic() - started
    await nc.close()
    await conn.close()
    return {
        "tickets": tickets,
        "publish_seconds": round(published, 2),
        "all_routed_seconds": round(elapsed, 2),
        "tickets_routed_per_second": round(tickets / elapsed, 1),
    }


async def status_reports(base: str, dsn: str, jobs: int, concurrency: int) -> dict[str, object]:
    from aftersales.auth import JWTAuthenticator
    from aftersales.settings import ServiceSettings

    token = JWTAuthenticator(ServiceSettings(jwt_secret=SECRET)).issue(role="agent")
    conn = await asyncpg.connect(dsn)
    rows = await conn.fetch(
        """
        SELECT j.id, (SELECT t.id FROM dispatch.technicians t
                      WHERE t.point_id = j.point_id AND j.category = ANY(t.skills) LIMIT 1) AS tech
        FROM dispatch.jobs j WHERE j.status = 'offered' LIMIT $1
        """,
        jobs,
    )
    await conn.close()
    headers = {"Authorization": f"Bearer {token}"}
    start = (datetime.now(UTC) + timedelta(hours=1)).isoformat()
    end = (datetime.now(UTC) + timedelta(hours=3)).isoformat()
    limits = httpx.Limits(max_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, headers=headers, timeout=60, limits=limits) as c:
        sem = asyncio.Semaphore(concurrency)

        async def prepare(job_id: uuid.UUID, tech: uuid.UUID) -> None:
            async with sem:
                r = await c.post(f"/v1/jobs/{job_id}/accept")
                assert r.status_code == 200, r.text
                r = await c.post(
                    f"/v1/jobs/{job_id}/assign",
                    json={"technician_id": str(tech), "appointment": {"start": start, "end": end}},
                )
                assert r.status_code == 200, r.text

        await asyncio.gather(*(prepare(r["id"], r["tech"]) for r in rows))
        latencies: list[float] = []

        async def visit(job_id: uuid.UUID) -> None:
            for status, extra in (
                ("en_route", {}),
                ("on_site", {"travel_km": 7}),
                ("resolved_on_site", {"signature": SIGNATURE, "labor_minutes": 40}),
            ):
                async with sem:
                    body = {"status": status, "at": datetime.now(UTC).isoformat(), **extra}
                    t0 = time.perf_counter()
                    r = await c.post(
                        f"/v1/jobs/{job_id}/status",
                        json=body,
                        headers={"Idempotency-Key": f"{job_id}-{status}"},
                    )
                    latencies.append((time.perf_counter() - t0) * 1000)
                    assert r.status_code == 200, r.text

        began = time.monotonic()
        await asyncio.gather(*(visit(r["id"]) for r in rows))
        elapsed = time.monotonic() - began
    return {
        "jobs": len(rows),
        "reports": len(latencies),
        "concurrency": concurrency,
        "reports_per_second": round(len(latencies) / elapsed, 1),
        "latency_ms": summary_ms(latencies),
    }


async def main(points: int, per_point: int, tickets: int, report_jobs: int) -> dict[str, object]:
    with tempfile.TemporaryDirectory(prefix="aftersales-bench-dispatch-") as tmp:
        data = Path(tmp)
        pg = EmbeddedPostgres(data / "pg", free_port())
        broker = EmbeddedNats(data / "nats", free_port())
        supervisor = ServiceSupervisor()
        pg.start()
        broker.start()
        try:
            urls = await prepare_database(pg.admin_url, DATABASE)
            dsn = pg.admin_url.rsplit("/", 1)[0] + f"/{DATABASE}"
            loaded = await seed(dsn, points, per_point)
            in_process = await route_in_process(urls["dispatch"], tickets)

            ref = next(r for r in SERVICES if r.name == "dispatch")
            port = free_port()
            os.environ[f"{ref.env_prefix}PORT"] = str(port)
            env = service_env(ref, db_url=urls["dispatch"], nats_url=broker.url, jwt_secret=SECRET)
            env["AFTERSALES_LOG_LEVEL"] = "WARNING"
            supervisor.processes.append(ServiceProcess(ref, env, data / "logs" / "dispatch.log"))
            supervisor.start_all()
            ready = await asyncio.to_thread(supervisor.wait_ready, 90)
            assert all(ready.values()), ready
            broker_run = await route_through_broker(broker.url, dsn, tickets)
            reports = await status_reports(f"http://127.0.0.1:{port}", dsn, report_jobs, 16)
        finally:
            supervisor.stop_all()
            broker.stop()
            pg.stop()
    return {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "loaded": loaded,
        "routing_in_process": in_process,
        "routing_through_broker": broker_run,
        "status_reports": reports,
    }


def cli() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--points", type=int, default=2000)
    parser.add_argument("--technicians-per-point", type=int, default=10)
    parser.add_argument("--tickets", type=int, default=1000)
    parser.add_argument("--report-jobs", type=int, default=400)
    args = parser.parse_args()
    result = asyncio.run(
        main(args.points, args.technicians_per_point, args.tickets, args.report_jobs)
    )
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "dispatch.json").write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    cli()
