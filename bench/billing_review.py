"""Claims review's cost per completed job at 100,000 jobs a month (part 4 of
``bench.billing``): 90 days of the network's history written straight into billing's tables,
then jobs weighed by every rule, the CPU of the billing process per job."""

from __future__ import annotations

import statistics
import time
import uuid
from datetime import UTC, datetime

import asyncpg

from aftersales.database import Database
from aftersales.events import Envelope, dispatch
from aftersales.review_rules import RULES
from aftersales_testing.factories import ticket_created
from bench.common import pct

CATEGORIES = ("washing_machine", "air_conditioner", "fridge", "water_heater", "tv")
SEED_LABOUR = """
INSERT INTO billing.labour_days (category, day, minutes, jobs)
SELECT c, d::date, m, 1 + (abs(hashtext(c || d::text || m::text)) % 40)
FROM unnest($1::text[]) AS c,
     generate_series($2::date - 90, $2::date - 1, interval '1 day') AS d,
     generate_series(15, 240, 15) AS m
"""
SEED_VISITS = """
INSERT INTO billing.claim_visits (job_id, ticket_id, point_id, customer_id, serial_no,
                                  category, completed_at)
SELECT gen_random_uuid(), gen_random_uuid(), points[1 + i % $2], customers[1 + i % 5000],
       'SN-' || (i % 200000), ($3::text[])[1 + i % 5], $4::timestamptz - (i % 90) * interval '1 day'
FROM generate_series(1, $1::int) AS i,
     (SELECT array_agg(gen_random_uuid()) AS points FROM generate_series(1, $2::int)) AS p,
     (SELECT array_agg(gen_random_uuid()) AS customers FROM generate_series(1, 5000)) AS cu
"""


async def review_cost(db: Database, dsn: str, points: int, events: int) -> dict[str, object]:
    """Claims review's CPU per completed job, against 90 days of a 100,000-jobs-a-month
    network."""
    from billing.adapters.tables.charges import ChargeRow
    from billing.adapters.tables.facts import CompletedJobRow, TicketFactsRow
    from billing.settings import BillingSettings
    from billing.use_cases import reviews
    from billing.use_cases.charging.completed_jobs import on_job_completed
    from billing.use_cases.policy import BillingPolicy
    from billing.use_cases.projections import record_ticket

    policy = BillingPolicy.from_settings(BillingSettings())
    off = BillingPolicy.from_settings(
        BillingSettings(review_rules={r: {"enabled": False} for r in RULES})
    )
    now = datetime.now(UTC)
    conn = await asyncpg.connect(dsn)
    started = time.monotonic()
    await conn.execute(SEED_LABOUR, list(CATEGORIES), now.date())
    await conn.execute(SEED_VISITS, 300_000, points, list(CATEGORIES), now)
    await conn.execute("ANALYZE billing.labour_days; ANALYZE billing.claim_visits")
    seeded = {
        "seconds": round(time.monotonic() - started, 1),
        "labour_jobs": await conn.fetchval("SELECT sum(jobs) FROM billing.labour_days"),
        "visits": await conn.fetchval("SELECT count(*) FROM billing.claim_visits"),
    }
    point_ids = await conn.fetch("SELECT DISTINCT point_id FROM billing.claim_visits LIMIT 50")
    await conn.close()

    weigh_cpu, flagged = [], 0
    for i in range(events):
        category = CATEGORIES[i % len(CATEGORIES)]
        job = CompletedJobRow(
            job_id=uuid.uuid4(),
            ticket_id=uuid.uuid4(),
            point_id=point_ids[i % len(point_ids)]["point_id"],
            technician_id=uuid.uuid4(),
            completed_at=now,
            event={
                # The network's own mix: labour like the history's, now and then a part
                # too many or off the model's list.
                "labor_minutes": 15 * (1 + (i * 7) % 16),
                "travel_km": 12,
                "parts": [
                    {"sku": "SKU-0042", "qty": 1 + (i % 25 == 0) * 3, "on_model": i % 50 != 0}
                ],
                "serial_no": f"SN-{i * 7 % 200_000}",
            },
        )
        ticket = TicketFactsRow(
            ticket_id=job.ticket_id, customer_id=uuid.uuid4(), category=category
        )
        charge = ChargeRow(id=uuid.uuid4(), ticket_id=job.ticket_id, job_id=job.job_id)
        charge.point_id = job.point_id
        async with db.uow() as uow:
            cpu = time.process_time()
            rules = await reviews.rules_at(uow, job.completed_at, policy)
            found = await reviews.weigh(uow, job, ticket, rules, policy)
            flagged += len(await reviews.raise_flags(uow, charge, found, at=now))
            weigh_cpu.append((time.process_time() - cpu) * 1000)
            await uow.commit()

    whole: dict[str, list[float]] = {"rules_on": [], "rules_off": []}
    for i in range(2 * events):
        label, rules_policy = ("rules_on", policy) if i % 2 else ("rules_off", off)
        ticket = ticket_created()
        async with db.uow() as uow:
            await record_ticket(uow, ticket, policy=rules_policy)
            await uow.commit()
        completed = completed_job(ticket.data.ticket_id)
        cpu = time.process_time()
        async with db.uow() as uow:
            await on_job_completed(
                uow, envelope(completed, "dispatch", completed.job_id), policy=rules_policy
            )
            await uow.commit()
        whole[label].append((time.process_time() - cpu) * 1000)
    on, off_ = statistics.fmean(whole["rules_on"]), statistics.fmean(whole["rules_off"])
    return {
        "seeded": seeded,
        "jobs_weighed": events,
        "flags_raised": flagged,
        "cpu_ms_per_job_weighed": summary_ms(weigh_cpu),
        "on_job_completed_cpu_ms": {
            "rules_on": summary_ms(whole["rules_on"]),
            "rules_off": summary_ms(whole["rules_off"]),
            "difference_mean": round(on - off_, 2),
        },
    }


def summary_ms(values: list[float]) -> dict[str, float]:
    return {
        "count": len(values),
        "p50": round(pct(values, 50), 2),
        "p90": round(pct(values, 90), 2),
        "p99": round(pct(values, 99), 2),
        "mean": round(statistics.fmean(values), 2),
    }


def completed_job(ticket_id: uuid.UUID) -> dispatch.JobCompleted:
    return dispatch.JobCompleted(
        job_id=uuid.uuid4(),
        ticket_id=ticket_id,
        point_id=uuid.uuid4(),
        technician_id=uuid.uuid4(),
        resolution="on_site",
        labor_minutes=50,
        parts=[dispatch.PartUsed(sku="SKU-0042", qty=1), dispatch.PartUsed(sku="SKU-1337", qty=2)],
        travel_km=25,
        visit_number=1,
        arrived_late_minutes=0,
        completed_at=datetime.now(UTC),
        category="washing_machine",
    )


def envelope(data, source: str, aggregate_id: uuid.UUID) -> Envelope:  # type: ignore[no-untyped-def,type-arg]
    return Envelope.wrap(data, source=source, aggregate_id=aggregate_id, aggregate_version=1)
