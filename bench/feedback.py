"""Feedback benchmark: scorecards and grading for a month of 100,000 callbacks over 2,000 points.

Callbacks (with outcomes, visit numbers, late arrivals), complaints and SLA breaches are written
straight into feedback's tables; then every point's scorecard is computed (and graded), and a
grading run publishes every point's grade (2,000 events staged in the outbox), and a second run
finds nothing changed. Seconds and the peak memory of the process doing it.

    python -m bench.feedback [--callbacks 100000] [--points 2000]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import resource
import tempfile
import time
import tracemalloc
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import asyncpg

from aftersales.database import Database
from aftersales.registry import service
from aftersales_dev.devstack.ports import free_port
from aftersales_dev.devstack.postgres import EmbeddedPostgres
from aftersales_dev.devstack.stack import DATABASE, prepare_database
from bench.common import RESULTS, machine

SEED_CALLBACKS = """
INSERT INTO feedback.callbacks (id, job_id, ticket_id, point_id, technician_id, visit_number,
    resolution, labor_minutes, travel_km, parts, arrived_late_minutes, completed_at, month,
    due_at, status, attempts, reached, outcome, score, version, created_at, updated_at)
SELECT gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), points[1 + i % $2],
       gen_random_uuid(), 1 + (i % 11 = 0)::int, 'on_site', 40, 8, '[]'::jsonb,
       CASE WHEN i % 17 = 0 THEN 30 ELSE 0 END, $4, $3::varchar, $4, 'done', 1, i % 13 <> 0,
       CASE WHEN i % 13 = 0 THEN NULL
            ELSE (ARRAY['satisfied','satisfied','satisfied','satisfied','satisfied',
                        'satisfied','satisfied','satisfied','unsatisfied','bad_attitude'])
                 [1 + (i + (i / $2)) % 10] END,
       4, 1, $4, $4
FROM generate_series(1, $1::int) AS i,
     (SELECT array_agg(gen_random_uuid()) AS points FROM generate_series(1, $2::int)) AS p
"""
SEED_COMPLAINTS = """
INSERT INTO feedback.complaints (id, ticket_id, point_id, technician_id, source, text, status,
    opened_by, opened_at, month, reply_by, resolve_by, version, updated_at)
SELECT gen_random_uuid(), ticket_id, point_id, technician_id, 'agent', 'seeded', 'open',
       'bench', $2, $1::varchar, $2, $2, 1, $2
FROM feedback.callbacks WHERE month = $1::varchar AND outcome = 'unsatisfied' AND score = 4
  AND (hashtext(job_id::text) % 5) = 0
"""
SEED_BREACHES = """
INSERT INTO feedback.sla_breaches (event_id, ticket_id, job_id, point_id, sla, breached_at, month)
SELECT gen_random_uuid(), ticket_id, job_id, point_id, 'arrival', $2, $1::varchar
FROM feedback.callbacks WHERE month = $1::varchar AND arrived_late_minutes > 0
"""


async def measured(step: Callable[[], Awaitable[Any]]) -> tuple[Any, float, float]:
    tracemalloc.start()
    started = time.monotonic()
    result = await step()
    seconds = time.monotonic() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return result, round(seconds, 2), round(peak / 2**20, 1)


async def main(callbacks: int, points: int) -> dict[str, object]:
    from feedback.settings import FeedbackSettings
    from feedback.use_cases.policy import FeedbackPolicy
    from feedback.use_cases.scorecards import graded_cards, run_grading

    policy = FeedbackPolicy.from_settings(FeedbackSettings())

    with tempfile.TemporaryDirectory(prefix="aftersales-bench-feedback-") as tmp:
        pg = EmbeddedPostgres(Path(tmp) / "pg", free_port())
        pg.start()
        try:
            urls = await prepare_database(pg.admin_url, DATABASE)
            dsn = pg.admin_url.rsplit("/", 1)[0] + f"/{DATABASE}"
            when = datetime.now(UTC).replace(day=1, hour=12) - timedelta(days=40)
            month = when.strftime("%Y-%m")
            conn = await asyncpg.connect(dsn)
            t0 = time.monotonic()
            await conn.execute(SEED_CALLBACKS, callbacks, points, month, when)
            await conn.execute(SEED_COMPLAINTS, month, when)
            await conn.execute(SEED_BREACHES, month, when)
            await conn.execute("ANALYZE feedback.callbacks; ANALYZE feedback.complaints")
            seeded = {
                table: await conn.fetchval(f"SELECT count(*) FROM feedback.{table}")
                for table in ("callbacks", "complaints", "sla_breaches")
            }
            seed_seconds = round(time.monotonic() - t0, 1)
            await conn.close()

            definition = service("feedback").definition()
            db = Database(urls["feedback"], definition.metadata)
            rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            try:

                async def scorecards() -> Any:
                    async with db.uow() as uow:
                        await uow.snapshot()
                        return await graded_cards(uow, month, policy=policy)

                async def grading() -> Any:
                    async with db.uow() as uow:
                        run = await run_grading(uow, month, policy=policy)
                        await uow.commit()
                        return run

                cards, cards_s, cards_mib = await measured(scorecards)
                first, first_s, first_mib = await measured(grading)
                second, second_s, second_mib = await measured(grading)
            finally:
                await db.dispose()
            rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        finally:
            pg.stop()
    grades: dict[str, int] = {}
    for c in cards:
        grades[c.grade] = grades.get(c.grade, 0) + 1
    return {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "month": month,
        "seeded": seeded,
        "seed_seconds": seed_seconds,
        "scorecards": {
            "points": len(cards),
            "seconds": cards_s,
            "peak_python_mib": cards_mib,
            "grades": dict(sorted(grades.items())),
        },
        "grading_first_run": {
            "published": len(first.published),
            "seconds": first_s,
            "peak_python_mib": first_mib,
        },
        "grading_rerun": {
            "published": len(second.published),
            "unchanged": second.unchanged,
            "seconds": second_s,
            "peak_python_mib": second_mib,
        },
        "process_max_rss_mib": round(rss_after / 1024, 1),
        "process_max_rss_growth_mib": round((rss_after - rss_before) / 1024, 1),
    }


def cli() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--callbacks", type=int, default=100_000)
    parser.add_argument("--points", type=int, default=2_000)
    args = parser.parse_args()
    result = asyncio.run(main(args.callbacks, args.points))
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "feedback.json").write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    cli()
