"""Billing benchmarks: charges from completed-job events, and a month's settlement at scale.

1. charge computation, in process: ``on_job_completed`` (record the job, classify against the
   warranty and contracts, price against the list in force, lines, outbox) in its own
   transaction, one after another — the time one charge costs;
2. charges through the broker: ``dispatch.job.completed.v1`` published to JetStream at once
   and charged by one billing process (uvicorn, as ``make run`` starts it) — charges per second;
3. settlement of a month with 100,000 charged jobs over 2,000 points (written straight into
   billing's tables, with SLA-breach and complaint deductions and grades): computing every
   point's statement, and closing the month (statements stored and 2,000 events staged in the
   outbox) — seconds and the peak memory of the process doing it;
4. claims review at 100,000 jobs a month: 90 days of the network's history written straight
   into billing's tables (the labour summary of five categories, 300,000 visits over 2,000
   points), then each of ``--events`` completed jobs weighed by every rule and its flags
   raised, in its own transaction — the CPU of the billing process per job (``time.
   process_time``: Python, SQLAlchemy and the driver; PostgreSQL's own CPU is apart), and
   ``on_job_completed`` whole with the rules on against all rules off.

    python -m bench.billing [--jobs 100000] [--points 2000] [--events 1000] [--only review]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import tempfile
import time
import tracemalloc
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import asyncpg
import nats

from aftersales.database import Database
from aftersales.events import encode
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
from aftersales_testing.factories import ticket_created
from bench.billing_review import completed_job, envelope, review_cost, summary_ms
from bench.common import RESULTS, SECRET, machine

PRICE_LIST = {
    "labour_per_hour": {"washing_machine": 12_000},
    "parts": {f"SKU-{i:04d}": {"price": 1_000 + i, "cost": 500 + i} for i in range(2_000)},
    "travel_bands": [
        {"up_to_km": 10, "fee": 0},
        {"up_to_km": 30, "fee": 3_000},
        {"up_to_km": 100, "fee": 8_000},
    ],
    "callout_fees": {"repair": 5_000},
}

SEED_CHARGES = """
INSERT INTO billing.charges (id, ticket_id, job_id, point_id, technician_id, service_class,
    class_reason, currency, customer_total, company_cost, work_value, compensation, credited,
    paid_total, status, review, month, completed_at, issued_at, version, updated_at)
SELECT gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), points[1 + i % $2],
       gen_random_uuid(),
       (ARRAY['A','B','C'])[1 + i % 3], 'seeded', 'CNY', 45000 * (i % 3 = 0)::int,
       32000 * (i % 3 <> 0)::int, 20000 + i % 500, CASE WHEN i % 50 = 0 THEN 5000 ELSE 0 END,
       0, 0, 'open', '[]'::jsonb, $3, $4, $4, 1, $4
FROM generate_series(1, $1::int) AS i,
     (SELECT array_agg(gen_random_uuid()) AS points FROM generate_series(1, $2::int)) AS p
"""
SEED_DEDUCTIONS = """
INSERT INTO billing.point_deductions (id, point_id, month, kind, source_id, amount, reason,
                                      occurred_at)
SELECT gen_random_uuid(), c.point_id, $1::varchar,
       (ARRAY['sla_breach', 'complaint'])[1 + (row_number() OVER ()) % 2],
       gen_random_uuid(), 5000, 'seeded', $2
FROM billing.charges c WHERE c.month = $1::varchar AND c.work_value % 97 = 0
"""
SEED_GRADES = """
INSERT INTO billing.point_grades (point_id, month, grade, graded_at)
SELECT DISTINCT point_id, $1::varchar,
       (ARRAY['A','B','C','D'])[1 + abs(hashtext(point_id::text)) % 4], $2::timestamptz
FROM billing.charges WHERE month = $1::varchar
"""


async def charges_in_process(db: Database, events: int) -> dict[str, object]:
    from billing.settings import BillingSettings
    from billing.use_cases.charging.completed_jobs import on_job_completed
    from billing.use_cases.policy import BillingPolicy
    from billing.use_cases.projections import record_ticket

    policy = BillingPolicy.from_settings(BillingSettings())

    timings = []
    for _ in range(events):
        ticket = ticket_created()
        async with db.uow() as uow:
            await record_ticket(uow, ticket, policy=policy)
            await uow.commit()
        job = completed_job(ticket.data.ticket_id)
        started = time.perf_counter()
        async with db.uow() as uow:
            await on_job_completed(uow, envelope(job, "dispatch", job.job_id), policy=policy)
            await uow.commit()
        timings.append((time.perf_counter() - started) * 1000)
    return {"ms_per_charge": summary_ms(timings)}


async def charges_through_broker(nats_url: str, dsn: str, events: int) -> dict[str, float]:
    conn = await asyncpg.connect(dsn)
    before = await conn.fetchval("SELECT count(*) FROM billing.charges")
    nc = await nats.connect(nats_url)
    js = nc.jetstream()
    await ensure_stream(js, "intake")
    await ensure_stream(js, "dispatch")
    tickets = [ticket_created() for _ in range(events)]
    for t in tickets:
        await js.publish(t.type, encode(t), headers={"Nats-Msg-Id": str(t.id)})
    while await conn.fetchval("SELECT count(*) FROM billing.ticket_facts") < events:  # noqa: ASYNC110
        await asyncio.sleep(0.05)
    jobs = [envelope(completed_job(t.data.ticket_id), "dispatch", uuid.uuid4()) for t in tickets]
    started = time.monotonic()
    for env in jobs:
        await js.publish(env.type, encode(env), headers={"Nats-Msg-Id": str(env.id)})
    while await conn.fetchval("SELECT count(*) FROM billing.charges") < before + events:  # noqa: ASYNC110
        await asyncio.sleep(0.05)
    elapsed = time.monotonic() - started
    await nc.close()
    await conn.close()
    return {
        "events": events,
        "all_charged_seconds": round(elapsed, 2),
        "charges_per_second": round(events / elapsed, 1),
    }


async def settle_month(db: Database, dsn: str, jobs: int, points: int) -> dict[str, object]:
    from billing.settings import BillingSettings
    from billing.use_cases.policy import BillingPolicy
    from billing.use_cases.settlements import close_month, statements

    policy = BillingPolicy.from_settings(BillingSettings())

    month_start = datetime.now(UTC).replace(day=1, hour=12) - timedelta(days=40)
    month = month_start.strftime("%Y-%m")
    conn = await asyncpg.connect(dsn)
    started = time.monotonic()
    await conn.execute(SEED_CHARGES, jobs, points, month, month_start)
    await conn.execute(SEED_DEDUCTIONS, month, month_start)
    await conn.execute(SEED_GRADES, month, month_start)
    await conn.execute("ANALYZE billing.charges; ANALYZE billing.point_deductions")
    seeded = time.monotonic() - started
    counts = {
        "charges": await conn.fetchval(
            "SELECT count(*) FROM billing.charges WHERE month = $1", month
        ),
        "points": await conn.fetchval(
            "SELECT count(DISTINCT point_id) FROM billing.charges WHERE month = $1", month
        ),
        "deductions": await conn.fetchval(
            "SELECT count(*) FROM billing.point_deductions WHERE month = $1", month
        ),
    }
    await conn.close()

    tracemalloc.start()
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.monotonic()
    async with db.uow() as uow:
        docs = await statements(uow, month, policy=policy)
    compute_s = time.monotonic() - t0
    _, compute_peak = tracemalloc.get_traced_memory()
    tracemalloc.reset_peak()
    t0 = time.monotonic()
    async with db.uow() as uow:
        closed = await close_month(uow, month, actor="bench", policy=policy)
        await uow.commit()
    close_s = time.monotonic() - t0
    _, close_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "month": month,
        "seeded": counts,
        "seed_seconds": round(seeded, 1),
        "statements": len(docs),
        "compute_all_statements_seconds": round(compute_s, 2),
        "compute_peak_python_mib": round(compute_peak / 2**20, 1),
        "close_month_seconds": round(close_s, 2),
        "close_peak_python_mib": round(close_peak / 2**20, 1),
        "closed_statements": len(closed),
        "process_max_rss_mib": round(rss_after / 1024, 1),
        "process_max_rss_growth_mib": round((rss_after - rss_before) / 1024, 1),
    }


async def main(jobs: int, points: int, events: int, only: str | None = None) -> dict[str, object]:
    with tempfile.TemporaryDirectory(prefix="aftersales-bench-billing-") as tmp:
        data = Path(tmp)
        pg = EmbeddedPostgres(data / "pg", free_port())
        broker = EmbeddedNats(data / "nats", free_port())
        supervisor = ServiceSupervisor()
        pg.start()
        broker.start()
        try:
            urls = await prepare_database(pg.admin_url, DATABASE)
            dsn = pg.admin_url.rsplit("/", 1)[0] + f"/{DATABASE}"
            definition = service("billing").definition()
            db = Database(urls["billing"], definition.metadata)
            try:
                from billing.use_cases.price_lists import NewPriceList, put_price_list

                async with db.uow() as uow:
                    await put_price_list(
                        uow,
                        NewPriceList(PRICE_LIST, "CNY", None),
                        expected=None,
                        actor="bench",
                        now=datetime.now(UTC),
                        currency="CNY",
                    )
                    await uow.commit()
                if only == "review":
                    return {
                        "when": datetime.now(UTC).isoformat(timespec="seconds"),
                        "machine": machine(),
                        "claims_review": await review_cost(db, dsn, points, events),
                    }
                in_process = await charges_in_process(db, events)

                ref = next(r for r in SERVICES if r.name == "billing")
                port = free_port()
                os.environ[f"{ref.env_prefix}PORT"] = str(port)
                env = service_env(
                    ref, db_url=urls["billing"], nats_url=broker.url, jwt_secret=SECRET
                )
                env["AFTERSALES_LOG_LEVEL"] = "WARNING"
                supervisor.processes.append(ServiceProcess(ref, env, data / "logs" / "billing.log"))
                supervisor.start_all()
                ready = await asyncio.to_thread(supervisor.wait_ready, 90)
                assert all(ready.values()), ready
                through_broker = await charges_through_broker(broker.url, dsn, events)
                supervisor.stop_all()
                settlement = await settle_month(db, dsn, jobs, points)
                review = await review_cost(db, dsn, points, events)
            finally:
                await db.dispose()
        finally:
            supervisor.stop_all()
            broker.stop()
            pg.stop()
    return {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "charges_in_process": in_process,
        "charges_through_broker": through_broker,
        "settlement": settlement,
        "claims_review": review,
    }


def cli() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=100_000)
    parser.add_argument("--points", type=int, default=2_000)
    parser.add_argument("--events", type=int, default=1_000)
    parser.add_argument("--only", choices=["review"], help="run only this part")
    args = parser.parse_args()
    result = asyncio.run(main(args.jobs, args.points, args.events, args.only))
    RESULTS.mkdir(exist_ok=True)
    name = "billing_review.json" if args.only else "billing.json"
    (RESULTS / name).write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    cli()
