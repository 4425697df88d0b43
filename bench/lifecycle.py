"""The whole system under load: sustained ticket intake with the lifecycle running behind it,
the backlog of a 60-second broker outage, and the services' memory.

The four services run as separate uvicorn processes (as ``make run`` runs them) on embedded
PostgreSQL (``track_commit_timestamp=on``) and NATS. A network point serves the customers'
region, so every ticket is routed. Behind the intake load, "field" workers take routed jobs
through accept, booking and the three status reports, and "call centre" workers record a
satisfied callback for every completed job — so dispatch, billing and feedback all work.

1. **sustained intake**: tickets created at a fixed rate (``--rates``, default 50, 100, 150 and
   200 a second) for ``--seconds`` each; latency from the ticket's commit in intake to the
   commit that routed its job in dispatch (PostgreSQL commit timestamps), p50/p99.
2. **broker outage**: NATS stopped for 60 s while tickets keep coming at 20/s; after it is
   back, how long until every ticket of the outage has its job, and whether any is missing
   or doubled.
3. **memory**: each service's resident set size idle, and the peak under the sustained load.

    python -m bench.lifecycle [--rates 50,100,150,200] [--seconds 20] [--outage 60]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import tempfile
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import asyncpg
import httpx
import nats
import psutil

from aftersales.devstack.nats import EmbeddedNats
from aftersales.devstack.ports import free_port
from aftersales.devstack.postgres import EmbeddedPostgres
from aftersales.devstack.stack import DATABASE, prepare_database
from aftersales.messaging.identity import BrokerCredentials
from aftersales.messaging.streams import stream_name
from aftersales.registry import SERVICE_NAMES
from aftersales.testing.factories import SIGNATURE
from aftersales.testing.stack import ProcessStack
from bench import sql
from bench.measure import Meter
from bench.run import (
    MAKE_RUN_ENV,
    RESULTS,
    SECRET,
    drive,
    machine,
    pct,
    post_retrying,
    setup_ticket_body,
)

SERVICES = ("intake", "dispatch", "billing", "feedback")


def services_path(tree: Path) -> str:
    """PYTHONPATH that makes the service processes import the kit and every service from
    ``tree`` (an editable install of this tree comes after it on ``sys.path``)."""
    return ":".join(str(p) for p in (tree / "shared", *(tree / "services" / s for s in SERVICES)))


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


def _report_crash(task: asyncio.Task[None]) -> None:
    """A worker that dies would leave its jobs unclosed and the phase waiting: say why."""
    if not task.cancelled() and task.exception() is not None:
        print(f"lifecycle worker crashed: {task.exception()!r}", flush=True)


class Lifecycle:
    """Field and call-centre workers: every routed job is taken to a satisfied callback.

    One poller per side lists the work (offered jobs, due callbacks) into a queue; ``field``
    and ``callers`` workers take from it, so the lifecycle's own concurrency is not what holds
    it back. The jobs' poller follows dispatch's sync cursor (``since``): each poll reads only
    the jobs changed since the last, in commit order, none skipped.
    """

    def __init__(
        self,
        stack: ProcessStack,
        technicians: list[dict[str, Any]],
        field: int = 16,
        callers: int = 4,
    ) -> None:
        self.stack = stack
        self.technician_of = {t["point_id"]: t for t in technicians}
        self.field_workers = field
        self.callers = callers
        self.completed = 0
        self.called_back = 0
        self.polls = 0  # the pollers' list requests, which the suite's CPU includes
        self.jobs: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
        self.callbacks: asyncio.Queue[dict[str, Any]] = asyncio.Queue()

    def tasks(self) -> list[asyncio.Task[None]]:
        dispatch = self._client("dispatch")
        feedback = self._client("feedback")
        work = [
            self._poll(dispatch, "/v1/jobs", {"status": "offered"}, self.jobs, sync=True),
            self._poll(feedback, "/v1/callbacks", {"status": "due"}, self.callbacks),
            *(self._field(dispatch) for _ in range(self.field_workers)),
            *(self._call(feedback) for _ in range(self.callers)),
        ]
        tasks = [asyncio.create_task(w) for w in work]
        for task in tasks:
            task.add_done_callback(_report_crash)
        return tasks

    def _client(self, service: str) -> httpx.AsyncClient:
        return httpx.AsyncClient(
            base_url=self.stack.url(service),
            headers=self.stack.auth("agent"),
            timeout=60,
            limits=httpx.Limits(max_connections=32, max_keepalive_connections=32),
        )

    async def _poll(
        self,
        c: httpx.AsyncClient,
        path: str,
        params: dict[str, str],
        queue: asyncio.Queue[dict[str, Any]],
        *,
        sync: bool = False,
    ) -> None:
        seen: set[str] = set()
        # The sync cursor; None lists the first page again each time (the callbacks, and jobs
        # from a service without `since`: bench.ab's base commit answers with no next_since).
        since: str | None = "" if sync else None
        while True:
            if queue.qsize() >= 50:  # the workers have enough in hand: don't list it again
                await asyncio.sleep(0.2)
                continue
            query = {**params, "limit": "100"}
            if since is not None:
                query["since"] = since
            r = await c.get(path, params=query)
            self.polls += 1
            body = r.json()
            if since is not None:
                since = body.get("next_since")
            fresh = [item for item in body["items"] if item["id"] not in seen]
            for item in fresh:
                seen.add(item["id"])
                queue.put_nowait(item)
            if not fresh:
                await asyncio.sleep(0.2)

    async def _post(
        self, c: httpx.AsyncClient, path: str, key: str, json: dict[str, Any] | None = None
    ) -> httpx.Response:
        return (await post_retrying(c, path, key=key, json=json))[0]

    async def _field(self, c: httpx.AsyncClient) -> None:
        while True:
            job = await self.jobs.get()
            j = job["id"]
            if (await self._post(c, f"/v1/jobs/{j}/accept", f"accept-{j}")).status_code != 200:
                continue
            start = datetime.now(UTC).timestamp() + 3600
            await self._post(
                c,
                f"/v1/jobs/{j}/assign",
                f"assign-{j}",
                {
                    "technician_id": self.technician_of[job["point_id"]]["id"],
                    "appointment": {
                        "start": datetime.fromtimestamp(start, UTC).isoformat(),
                        "end": datetime.fromtimestamp(start + 7200, UTC).isoformat(),
                    },
                },
            )
            for status, extra in (
                ("en_route", {}),
                ("on_site", {"travel_km": 5}),
                ("resolved_on_site", {"signature": SIGNATURE, "labor_minutes": 30}),
            ):
                await self._post(
                    c,
                    f"/v1/jobs/{j}/status",
                    f"{status}-{j}",
                    {"status": status, "at": datetime.now(UTC).isoformat(), **extra},
                )
            self.completed += 1

    async def _call(self, c: httpx.AsyncClient) -> None:
        while True:
            cb = await self.callbacks.get()
            r = await self._post(
                c,
                f"/v1/callbacks/{cb['id']}/result",
                f"callback-{cb['id']}",
                {"reached": True, "outcome": "satisfied", "score": 5},
            )
            self.called_back += r.status_code == 200


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


async def main(
    rates: list[int],
    routing_rates: list[int],
    seconds: int,
    outage: int,
    services_from: Path | None = None,
) -> dict[str, Any]:
    """``services_from``: another checkout of the repository whose services (and kit) run
    instead of this one's, for an A/B of two commits (``python -m bench.ab --what lifecycle``);
    the load, the measuring and the schema's migrations stay this tree's."""
    env = dict(MAKE_RUN_ENV)
    if services_from is not None:
        env["PYTHONPATH"] = services_path(services_from)
    with tempfile.TemporaryDirectory(prefix="aftersales-bench-lifecycle-") as tmp:
        data = Path(tmp)
        pg = EmbeddedPostgres(
            data / "pg", free_port(), {"track_commit_timestamp": "on", **sql.SERVER_SETTINGS}
        )
        creds = BrokerCredentials.ensure(data / "nats-credentials", SERVICE_NAMES)
        broker = EmbeddedNats(data / "nats", free_port(), credentials=creds)
        pg.start()
        broker.start()
        stack = None
        try:
            await sql.enable(pg.admin_url)
            urls = await prepare_database(pg.admin_url, DATABASE)
            dsn = pg.admin_url.rsplit("/", 1)[0] + f"/{DATABASE}"
            stack = ProcessStack(
                urls, broker.url, SECRET, data / "logs", env=env, credentials=creds
            )
            await asyncio.to_thread(stack.start)
            admin = stack.auth("admin")
            agent = stack.auth("agent")
            technicians: list[dict[str, Any]] = []
            async with httpx.AsyncClient(base_url=stack.url("dispatch"), headers=admin) as c:
                for n in range(3):  # room for 30,000 jobs a day
                    r = await c.post(
                        "/v1/points",
                        json={
                            "code": f"BENCH-{n}",
                            "name": "Bench",
                            "regions": ["310115"],
                            "categories": ["air_conditioner"],
                            "daily_capacity": 10_000,
                        },
                    )
                    r.raise_for_status()
                    point = r.json()
                    r = await c.post(
                        f"/v1/points/{point['id']}/technicians",
                        json={
                            "name": "Bench",
                            "phone": "13900000000",
                            "skills": ["air_conditioner"],
                        },
                    )
                    r.raise_for_status()
                    technicians.append(r.json())
            body = await setup_ticket_body(stack.url("intake"), agent, "life")
            await asyncio.sleep(3)
            idle = rss_mib(stack)
            meter = suite_meter(stack, pg, broker)
            idle_before = meter.read()
            await sql.reset(pg.admin_url, DATABASE)
            idle_started = time.monotonic()
            idle_cores = await asyncio.to_thread(meter.idle, 10)
            idle_after = meter.read()
            idle_sql = {
                "statements": await sql.snapshot(pg.admin_url, DATABASE),
                "seconds": time.monotonic() - idle_started,
            }
            idle_cpu_percent = {
                name: round((idle_after.parts[name] - idle_before.parts[name]) * 100 / 10, 1)
                for name in idle_after.parts
            } | {"machine": round(idle_cores * 100, 1)}

            lifecycle = Lifecycle(stack, technicians)
            peak = dict(idle)
            sustained = []
            workers = lifecycle.tasks()
            for rate in rates:
                sustained.append(
                    await _phase(
                        stack, meter, pg, dsn, agent, body, lifecycle, rate, seconds, peak, idle_sql
                    )
                )
                await asyncio.sleep(5)
            for w in workers:
                w.cancel()
            completed, called_back = lifecycle.completed, lifecycle.called_back
            polls = lifecycle.polls
            work = await work_per_ticket(dsn, broker.url) if rates else None
            # The same intake load with nothing behind it but routing and the projections.
            routing_only = []
            for rate in routing_rates:
                routing_only.append(
                    await _phase(
                        stack, meter, pg, dsn, agent, body, None, rate, seconds, peak, idle_sql
                    )
                )
                await asyncio.sleep(5)

            drain = await _outage(stack, broker, dsn, agent, body, outage) if outage else None
        finally:
            if stack is not None:
                await asyncio.to_thread(stack.stop)
            broker.stop()
            pg.stop()
    return {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "sustained": sustained,
        "lifecycle_behind": {
            "jobs_completed": completed,
            "callbacks_recorded": called_back,
            "poll_requests": polls,
        },
        "work_per_closed_ticket": work,
        "routing_only": routing_only,
        "outage": drain,
        "rss_mib": {"idle": idle, "peak_under_load": peak},
        "idle_cpu_percent_of_one_core": idle_cpu_percent,
        "idle_sql_statements_per_second": _idle_rates(idle_sql),
    }


async def _phase(
    stack: ProcessStack,
    meter: Meter,
    pg: EmbeddedPostgres,
    dsn: str,
    agent: dict[str, str],
    body: dict[str, str],
    lifecycle: Lifecycle | None,
    rate: int,
    seconds: int,
    peak: dict[str, float],
    idle_sql: dict[str, Any],
) -> dict[str, Any]:
    """Tickets at ``rate``/s for ``seconds``; with a lifecycle, wait until every one is closed,
    and count the SQL statements the phase cost (``bench/sql.py``)."""
    counters = await sql.reset(pg.admin_url, DATABASE)
    polls_before = lifecycle.polls if lifecycle is not None else 0
    since = datetime.now(UTC)
    started = time.monotonic()
    span = Span(meter)
    sampler = asyncio.create_task(_sample(stack, peak))
    made = await drive(
        stack.url("intake"),
        agent,
        body,
        rate * seconds,
        32,
        rate=float(rate),
        tag=f"{'life' if lifecycle is not None else 'routing'}-{rate}-{uuid.uuid4().hex[:6]}-",
    )
    sampler.cancel()
    until = datetime.now(UTC)
    ended = time.monotonic()
    under_load = span.per(int(made["created"]))
    lat = await latencies(dsn, since, until, rate * seconds)
    phase: dict[str, Any] = {
        "target_per_second": rate,
        "ticket_create": made,
        "commit_to_job_routed_ms": summary(lat),
        "stages_ms": await stages(dsn, since, until),
        # CPU ms per ticket created, spent while tickets were coming in; cores_busy is the
        # suite's (2.0 = both cores), the load generator not counted
        "cpu_ms_per_ticket_under_load": under_load,
    }
    if lifecycle is not None:
        # Every ticket of the phase closed — in intake, where the callback's event closes it —
        # and every outbox empty: how long after the load stopped, and the CPU the whole
        # lifecycle of one ticket cost each part.
        closed = await _settle(dsn, since, int(made["created"]), ended + 900)
        statements = await sql.snapshot(pg.admin_url, DATABASE)
        spent = time.monotonic() - started
        polls = lifecycle.polls - polls_before
        phase["lifecycle"] = {
            "tickets_closed": closed,
            "closed_per_second_overall": round(
                closed / (made["seconds"] + time.monotonic() - ended), 1
            ),
            "all_closed_seconds_after_load": round(time.monotonic() - ended, 1),
        }
        closed = max(1, closed)
        phase["cpu_ms_per_closed_ticket"] = span.per(closed)
        phase["sql_per_closed_ticket"] = sql.account(
            statements,
            closed,
            seconds=spent,
            polls=polls,
            idle=idle_sql,
            written=await sql.tables(pg.admin_url, DATABASE, counters),
        )
    return phase


def _idle_rates(idle_sql: dict[str, Any]) -> dict[str, float]:
    """Statements per second each service runs with no load (relays, scanners)."""
    rates: dict[str, float] = {}
    for s in idle_sql["statements"]:
        if s["role"] != sql.BENCH_ROLE:
            rates[s["role"]] = rates.get(s["role"], 0) + s["calls"]
    return {role: round(n / idle_sql["seconds"], 1) for role, n in sorted(rates.items())}


async def _settle(dsn: str, since: datetime, tickets: int, deadline: float) -> int:
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


async def _sample(stack: ProcessStack, peak: dict[str, float]) -> None:
    while True:
        for name, value in rss_mib(stack).items():
            peak[name] = max(peak[name], value)
        await asyncio.sleep(1)


async def _outage(
    stack: ProcessStack,
    broker: EmbeddedNats,
    dsn: str,
    agent: dict[str, str],
    body: dict[str, str],
    seconds: int,
) -> dict[str, Any]:
    conn = await asyncpg.connect(dsn)
    try:
        before = await conn.fetchval("SELECT count(*) FROM dispatch.jobs")
        broker.stop()
        rate = 20
        made = await drive(
            stack.url("intake"),
            agent,
            body,
            rate * seconds,
            8,
            rate=float(rate),
            tag=f"outage-{uuid.uuid4().hex[:4]}-",
        )
        waiting = await conn.fetchval("SELECT count(*) FROM intake.outbox WHERE sent_at IS NULL")
        back = time.monotonic()
        await asyncio.to_thread(broker.start)
        expected = before + made["created"]
        while await conn.fetchval("SELECT count(*) FROM dispatch.jobs") < expected:  # noqa: ASYNC110
            await asyncio.sleep(0.2)
        drained = time.monotonic() - back
        await asyncio.sleep(3)
        jobs = await conn.fetchval("SELECT count(*) FROM dispatch.jobs")
        doubled = await conn.fetchval(
            "SELECT count(*) FROM (SELECT ticket_id FROM dispatch.jobs GROUP BY ticket_id "
            "HAVING count(*) > 1) d"
        )
        return {
            "outage_seconds": seconds,
            "tickets_during_outage": made["created"],
            "intake_outbox_waiting_at_restart": waiting,
            "drain_seconds_after_restart": round(drained, 1),
            "jobs_missing": expected - jobs if jobs < expected else 0,
            "tickets_with_two_jobs": doubled,
        }
    finally:
        await conn.close()


def cli() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--rates", default="10,20,200", help="tickets/s with the whole lifecycle behind them"
    )
    parser.add_argument(
        "--routing-rates",
        default="50,100,150,200",
        help="tickets/s with only routing behind them (no field or call-centre work)",
    )
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--outage", type=int, default=60, help="seconds; 0 skips the outage")
    parser.add_argument(
        "--services-from", type=Path, help="a checkout whose services run instead of this one's"
    )
    parser.add_argument("--out", type=Path, default=RESULTS / "lifecycle.json")
    args = parser.parse_args()

    def rates(text: str) -> list[int]:
        return [int(r) for r in text.split(",") if r.strip()]

    result = asyncio.run(
        main(
            rates(args.rates),
            rates(args.routing_rates),
            args.seconds,
            args.outage,
            args.services_from,
        )
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))
    for phase in result["sustained"]:
        if "sql_per_closed_ticket" in phase:
            title = f"{phase['target_per_second']}/s: "
            print(sql.format_account(phase["sql_per_closed_ticket"], title))


if __name__ == "__main__":
    cli()
