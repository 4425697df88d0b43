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

from aftersales.messaging.identity import BrokerCredentials
from aftersales.registry import SERVICE_NAMES
from aftersales_dev.devstack.nats import EmbeddedNats
from aftersales_dev.devstack.ports import free_port
from aftersales_dev.devstack.postgres import EmbeddedPostgres
from aftersales_dev.devstack.stack import DATABASE, prepare_database
from aftersales_testing.stack import ProcessStack
from bench import sql
from bench.common import MAKE_RUN_ENV, RESULTS, SECRET, machine
from bench.lifecycle_probes import (
    SERVICES,
    Span,
    latencies,
    rss_mib,
    settle,
    stages,
    suite_meter,
    summary,
    work_per_ticket,
)
from bench.lifecycle_workers import Lifecycle
from bench.load import drive, setup_ticket_body
from bench.measure import Meter


def services_path(tree: Path) -> str:
    """PYTHONPATH that makes the service processes import the kit and every service from
    ``tree`` (an editable install of this tree comes after it on ``sys.path``)."""
    return ":".join(str(p) for p in (tree / "shared", *(tree / "services" / s for s in SERVICES)))


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
    and count the SQL statements the phase cost (``bench/sql/``)."""
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
        closed = await settle(dsn, since, int(made["created"]), ended + 900)
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
