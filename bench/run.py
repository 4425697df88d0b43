"""HTTP benchmarks under wrk: intake's ticket create and ticket read against a yardstick, and
the pipeline behind the create.

Starts its own embedded PostgreSQL (``track_commit_timestamp=on``) and NATS on free ports in a
temporary directory, and the services as uvicorn processes with ``make run``'s settings.

1. **The endpoints against the yardstick.** Intake alone (its three siblings not started) and
   the bare FastAPI + asyncpg app (``bench/bare.py``), each one uvicorn worker on the same
   PostgreSQL, driven by wrk (32 connections, 2 threads) in interleaved rounds of ``--seconds``:
   bare create, intake create, bare read, intake read, and again. A create is what an
   integrator sends: an ``admin`` token (not rate limited) and a unique ``Idempotency-Key``
   per request (numbered by ``lua/post.lua``). The median of the per-round ratios and their
   spread are reported, with the CPU per request of the machine and of each process tree.
2. **The whole pipeline.** The other three services started; one wrk round of creates (the
   burst), the commit-to-commit latency from intake's ticket to dispatch's job for it; then
   tickets paced at ``--paced-rate`` by a Python client (whose own CPU is reported), and their
   latency below saturation.

    make bench
    python -m bench.run [--rounds 5] [--seconds 10] [--connections 32] [--workers 1]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import signal
import statistics
import tempfile
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import asyncpg
import httpx

from aftersales.registry import SERVICES
from aftersales_dev.devstack.nats import EmbeddedNats
from aftersales_dev.devstack.ports import free_port, wait_port
from aftersales_dev.devstack.postgres import EmbeddedPostgres
from aftersales_dev.devstack.stack import DATABASE, ServiceProcess, prepare_database, service_env
from bench.common import MAKE_RUN_ENV, RESULTS, SECRET, machine, pct
from bench.load import drive, setup_ticket_body
from bench.measure import Meter, WrkRun, wrk
from bench.yardstick import BareProcess, compared, interleaved, measured

COMMIT_LATENCY = """
WITH created AS (
    SELECT ticket_id, min(pg_xact_commit_timestamp(xmin)) AS at
    FROM intake.ticket_timeline WHERE event LIKE 'intake.ticket.created.v%'
    GROUP BY ticket_id
)
SELECT extract(epoch FROM pg_xact_commit_timestamp(j.xmin) - c.at) * 1000 AS ms
FROM dispatch.jobs j JOIN created c ON c.ticket_id = j.ticket_id
WHERE c.at >= $1
"""


async def routed_everything(conn: asyncpg.Connection, timeout: float = 900) -> None:
    """Until dispatch has a job for every ticket and no service has an event left to send."""
    deadline = time.monotonic() + timeout
    while True:
        tickets = await conn.fetchval("SELECT count(*) FROM intake.tickets")
        jobs = await conn.fetchval("SELECT count(*) FROM dispatch.jobs")
        unsent = 0
        for ref in SERVICES:
            unsent += await conn.fetchval(
                f"SELECT count(*) FROM {ref.name}.outbox WHERE sent_at IS NULL"
            )
        if jobs >= tickets and unsent == 0:
            return
        if time.monotonic() > deadline:
            raise TimeoutError(f"{jobs} jobs for {tickets} tickets, {unsent} events unsent")
        await asyncio.sleep(0.5)


async def commit_latencies(dsn: str, since: datetime) -> list[float]:
    conn = await asyncpg.connect(dsn)
    try:
        await routed_everything(conn)
        return [float(r["ms"]) for r in await conn.fetch(COMMIT_LATENCY, since)]
    finally:
        await conn.close()


def summary(latencies: list[float]) -> dict[str, float]:
    if not latencies:
        return {"count": 0}
    return {
        "count": len(latencies),
        "p50": round(pct(latencies, 50), 1),
        "p90": round(pct(latencies, 90), 1),
        "p99": round(pct(latencies, 99), 1),
        "max": round(max(latencies), 1),
        "mean": round(statistics.fmean(latencies), 1),
    }


async def main(
    rounds: int, seconds: float, connections: int, paced: int, rate: float, read_workers: int
) -> Any:
    from aftersales.auth import JWTAuthenticator
    from aftersales.settings import ServiceSettings

    token = JWTAuthenticator(ServiceSettings(jwt_secret=SECRET)).issue(role="admin")
    bearer = f"Bearer {token}"
    auth = {"Authorization": bearer}
    with tempfile.TemporaryDirectory(prefix="aftersales-bench-") as tmp:
        data = Path(tmp)
        pg = EmbeddedPostgres(data / "pg", free_port(), {"track_commit_timestamp": "on"})
        nats_server = EmbeddedNats(data / "nats", free_port())
        pg.start()
        nats_server.start()
        services: dict[str, ServiceProcess] = {}
        bare = None
        try:
            urls = await prepare_database(pg.admin_url, DATABASE)
            dsn = pg.admin_url.rsplit("/", 1)[0] + f"/{DATABASE}"
            for ref in SERVICES:
                port = free_port()
                env = service_env(
                    ref, db_url=urls[ref.name], nats_url=nats_server.url, jwt_secret=SECRET
                )
                env.update(MAKE_RUN_ENV)
                env[f"{ref.env_prefix}PORT"] = str(port)
                services[ref.name] = ServiceProcess(
                    ref, env, data / "logs" / f"{ref.name}.log", port_number=port
                )
            intake = services["intake"]
            bare = BareProcess(dsn, free_port(), data / "logs" / "bare.log")

            # 1. The endpoints against the yardstick: intake and the bare app alone.
            intake.start()
            bare.start()
            wait_port(intake.port, 60)
            intake_url = f"http://127.0.0.1:{intake.port}"
            assert intake.process is not None and bare.process is not None
            assert pg.process is not None and nats_server.process is not None
            meter = Meter(
                {
                    "intake": intake.process.pid,
                    "bare": bare.process.pid,
                    "postgres": pg.process.pid,
                    "nats": nats_server.process.pid,
                }
            )
            body = await setup_ticket_body(intake_url, auth, "cmp")
            body_file = data / "ticket.json"
            body_file.write_text(json.dumps(body))
            async with httpx.AsyncClient(headers=auth) as c:
                ticket = (
                    await c.post(
                        f"{intake_url}/v1/tickets",
                        json=body,
                        headers={"Idempotency-Key": "read-me"},
                    )
                ).json()["id"]
                bare_ticket = (await c.post(f"{bare.url}/v1/tickets", json=body)).json()["id"]
            run = uuid.uuid4().hex[:8]
            counter = iter(range(1_000_000))

            def create(url: str, authorization: str, secs: float = seconds) -> WrkRun:
                return wrk(
                    f"{url}/v1/tickets",
                    "post.lua",
                    [f"{run}-{next(counter)}", str(body_file), authorization],
                    seconds=secs,
                    connections=connections,
                )

            def read(url: str, secs: float = seconds) -> WrkRun:
                return wrk(url, "get.lua", [bearer], seconds=secs, connections=connections)

            idle_alone = meter.idle(5)
            create(bare.url, "", 3)  # warm up: pools filled, code paths loaded
            create(intake_url, bearer, 3)
            alone = interleaved(
                meter,
                {
                    "bare_create": lambda: create(bare.url, ""),
                    "intake_create": lambda: create(intake_url, bearer),
                    "bare_read": lambda: read(f"{bare.url}/v1/tickets/{bare_ticket}"),
                    "intake_read": lambda: read(f"{intake_url}/v1/tickets/{ticket}"),
                },
                rounds,
            )
            bare.stop()

            # Reads with more than one worker: the same intake, WEB_CONCURRENCY uvicorn workers.
            intake.stop()
            intake.env["WEB_CONCURRENCY"] = str(read_workers)
            intake.start()
            wait_port(intake.port, 60)
            assert intake.process is not None
            meter.parts["intake"] = intake.process.pid
            await asyncio.sleep(3)  # every worker up (the port opens with the first)
            read(f"{intake_url}/v1/tickets/{ticket}", 3)
            workers_read = interleaved(
                meter, {"intake_read": lambda: read(f"{intake_url}/v1/tickets/{ticket}")}, 3
            )["intake_read"]

            # 2. The whole pipeline: all four services (intake still with those workers).
            for name, proc in services.items():
                if name != "intake":
                    proc.start()
            for proc in services.values():
                wait_port(proc.port, 60)
                assert proc.process is not None
                meter.parts[proc.ref.name] = proc.process.pid
            del meter.parts["bare"]
            conn = await asyncpg.connect(dsn)
            try:
                await routed_everything(conn)  # phase 1's tickets, routed before measuring
            finally:
                await conn.close()
            idle_all = meter.idle(5)
            since = datetime.now(UTC)
            burst = measured(meter, lambda: create(intake_url, bearer))
            burst_latency = await commit_latencies(dsn, since)
            since = datetime.now(UTC)
            paced_run = await drive(intake_url, auth, body, paced, 8, rate=rate, tag=f"{run}-p")
            paced_latency = await commit_latencies(dsn, since)
        finally:
            for proc in services.values():
                proc.stop()
            if bare is not None:
                bare.stop()
            nats_server.stop()
            pg.stop()
    return {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "method": {
            "load_generator": "wrk 2 threads",
            "connections": connections,
            "round_seconds": seconds,
            "rounds": rounds,
            "idle_cores_alone": round(idle_alone, 3),
            "idle_cores_all_four": round(idle_all, 3),
        },
        "alone": {
            "create": compared(alone["intake_create"], alone["bare_create"]),
            "read": compared(alone["intake_read"], alone["bare_read"]),
            "runs": alone,
        },
        "read_with_workers": {
            "workers": read_workers,
            "per_second_median": round(statistics.median(r["per_second"] for r in workers_read), 1),
            "runs": workers_read,
        },
        "all_four": {
            "burst_create": burst,
            "burst_commit_to_job_commit_ms": summary(burst_latency),
            "paced": paced_run,
            "paced_commit_to_job_commit_ms": summary(paced_latency),
        },
    }


def cli() -> None:
    # SIGTERM unwinds like Ctrl-C, so the servers and services are stopped.
    signal.signal(signal.SIGTERM, lambda *_: (_ for _ in ()).throw(KeyboardInterrupt()))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--paced-tickets", type=int, default=300)
    parser.add_argument("--paced-rate", type=float, default=20.0)
    parser.add_argument("--read-workers", type=int, default=2, help="intake's workers for reads")
    parser.add_argument("--out", default="latest.json", help="file name under bench/results")
    args = parser.parse_args()
    result = asyncio.run(
        main(
            args.rounds,
            args.seconds,
            args.connections,
            args.paced_tickets,
            args.paced_rate,
            args.read_workers,
        )
    )
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / args.out).write_text(json.dumps(result, indent=2) + "\n")
    summary_of = {
        "method": result["method"],
        "create": result["alone"]["create"],
        "read": result["alone"]["read"],
        "read_with_workers": result["read_with_workers"]["per_second_median"],
    }
    print(json.dumps(summary_of, indent=2))


if __name__ == "__main__":
    cli()
