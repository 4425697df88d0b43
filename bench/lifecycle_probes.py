"""What the lifecycle benchmark reads off the running suite: commit-to-routed latencies and
their stages (PostgreSQL commit timestamps), the work one ticket's lifecycle made (events
published, delivered, handled), the CPU of every process of the suite, their memory, and when
a phase's tickets are all closed."""

from __future__ import annotations

import asyncio
import time
from datetime import datetime

import asyncpg
import nats
import psutil

from aftersales.messaging.streams import stream_name
from aftersales.registry import SERVICE_NAMES
from aftersales_dev.devstack.nats import EmbeddedNats
from aftersales_dev.devstack.postgres import EmbeddedPostgres
from aftersales_testing.stack import ProcessStack
from bench.common import pct
from bench.measure import Meter

SERVICES = ("intake", "dispatch", "billing", "feedback")

# Each ticket's commit in intake.
CREATED = """
WITH created AS (
    SELECT ticket_id, min(pg_xact_commit_timestamp(xmin)) AS at
    FROM intake.ticket_timeline WHERE event LIKE 'intake.ticket.created.v%' GROUP BY ticket_id
)"""

LATENCY = (
    CREATED
    + """, routed AS (
    SELECT j.ticket_id, min(pg_xact_commit_timestamp(h.xmin)) AS at
    FROM dispatch.job_history h JOIN dispatch.jobs j ON j.id = h.job_id
    WHERE h.action = 'offered' GROUP BY j.ticket_id
)
SELECT extract(epoch FROM r.at - c.at) * 1000 AS ms
FROM created c JOIN routed r USING (ticket_id)
WHERE c.at >= $1 AND c.at < $2
"""
)


def _tree(pid: int) -> list[psutil.Process]:
    p = psutil.Process(pid)
    return [p, *p.children(recursive=True)]


def suite_meter(stack: ProcessStack, pg: EmbeddedPostgres, broker: EmbeddedNats) -> Meter:
    """Every process of the suite by part (each service's tree, PostgreSQL's, NATS's), exited
    children included; the machine's figure is everything but the idle rate and this process
    (the load generator and its workers), whose CPU is reported on its own."""
    parts = {name: proc.process.pid for name, proc in stack.by_name.items() if proc.process}
    assert pg.process is not None and broker.process is not None
    parts["postgres"] = pg.process.pid
    parts["nats"] = broker.process.pid
    return Meter(parts)


class Span:
    """The suite's CPU from now on, and the load generator's (this process) apart."""

    def __init__(self, meter: Meter) -> None:
        self.meter = meter
        self.start = meter.read()
        self.generator_start = time.process_time()

    def per(self, operations: int) -> dict[str, float]:
        """CPU ms per operation since the span began: the machine (idle rate and load generator
        taken out), each part, and the load generator's own."""
        generator = time.process_time() - self.generator_start
        out = self.meter.cost(self.start, self.meter.read(), operations, generator)
        out["load_generator"] = round(generator * 1000 / max(1, operations), 3)
        return out


# Where the time goes: commit → published by intake's relay → picked up by dispatch's
# consumer (its transaction began) → routed (that transaction committed).
STAGES = (
    CREATED
    + """
SELECT extract(epoch FROM o.sent_at - c.at) * 1000 AS published,
       extract(epoch FROM i.processed_at - o.sent_at) * 1000 AS picked_up,
       extract(epoch FROM pg_xact_commit_timestamp(i.xmin) - i.processed_at) * 1000 AS handled
FROM created c
JOIN intake.outbox o ON o.aggregate_id = c.ticket_id AND o.subject LIKE 'intake.ticket.created.v%'
JOIN dispatch.inbox i ON i.event_id = o.id
WHERE c.at >= $1 AND c.at < $2
"""
)


async def stages(dsn: str, since: datetime, until: datetime) -> dict[str, dict[str, float]]:
    conn = await asyncpg.connect(dsn)
    try:
        rows = await conn.fetch(STAGES, since, until)
    finally:
        await conn.close()
    return {
        stage: summary([float(r[stage]) for r in rows])
        for stage in ("published", "picked_up", "handled")
    }


def rss_mib(stack: ProcessStack) -> dict[str, float]:
    out = {}
    for name, proc in stack.by_name.items():
        assert proc.process is not None
        out[name] = round(sum(x.memory_info().rss for x in _tree(proc.process.pid)) / 2**20, 1)
    return out


async def latencies(dsn: str, since: datetime, until: datetime, expected: int) -> list[float]:
    conn = await asyncpg.connect(dsn)
    try:
        deadline = time.monotonic() + 300
        while True:
            rows = await conn.fetch(LATENCY, since, until)
            if len(rows) >= expected or time.monotonic() > deadline:
                return [float(r["ms"]) for r in rows]
            await asyncio.sleep(0.5)
    finally:
        await conn.close()


async def work_per_ticket(dsn: str, nats_url: str) -> dict[str, float] | None:
    """What one ticket's whole lifecycle made the system do: events published (outbox rows),
    delivered to a consumer (JetStream's consumer sequences) and handled (inbox rows; an event
    a consumer's relevance check passes over is delivered but not handled), over all four
    services."""
    conn = await asyncpg.connect(dsn)
    try:
        tickets = await conn.fetchval("SELECT count(*) FROM intake.tickets")
        published = handled = 0
        for schema in SERVICES:
            published += await conn.fetchval(f"SELECT count(*) FROM {schema}.outbox")
            handled += await conn.fetchval(f"SELECT count(*) FROM {schema}.inbox")
    finally:
        await conn.close()
    nc = await nats.connect(nats_url)
    try:
        delivered = 0
        for service in SERVICE_NAMES:
            for info in await nc.jetstream().consumers_info(stream_name(service)):
                delivered += (info.delivered.consumer_seq or 0) if info.delivered else 0
    finally:
        await nc.close()
    return {
        "tickets": tickets,
        "events_published": round(published / tickets, 1),
        "events_delivered": round(delivered / tickets, 1),
        "events_handled": round(handled / tickets, 1),
        # create; accept, assign and three reports; the callback
        "http_writes": 7,
    }


def summary(values: list[float]) -> dict[str, float]:
    if not values:
        return {"count": 0}
    return {
        "count": len(values),
        "p50": round(pct(values, 50), 1),
        "p90": round(pct(values, 90), 1),
        "p99": round(pct(values, 99), 1),
        "max": round(max(values), 1),
    }


async def settle(dsn: str, since: datetime, tickets: int, deadline: float) -> int:
    """Wait until the tickets created since ``since`` are closed in intake and no service has
    an event left to publish; returns how many are closed."""
    conn = await asyncpg.connect(dsn)
    try:
        while True:
            closed = await conn.fetchval(
                "SELECT count(*) FROM intake.tickets WHERE status = 'closed' AND created_at >= $1",
                since,
            )
            unsent = 0
            for schema in SERVICES:
                unsent += await conn.fetchval(
                    f"SELECT count(*) FROM {schema}.outbox WHERE sent_at IS NULL"
                )
            if (closed >= tickets and unsent == 0) or time.monotonic() > deadline:
                return int(closed)
            await asyncio.sleep(0.5)
    finally:
        await conn.close()
