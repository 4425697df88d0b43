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
import os
import platform
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import asyncpg
import httpx

from aftersales.devstack.lifetime import die_with_parent
from aftersales.devstack.nats import EmbeddedNats
from aftersales.devstack.ports import free_port, wait_port
from aftersales.devstack.postgres import EmbeddedPostgres
from aftersales.devstack.stack import DATABASE, ServiceProcess, prepare_database, service_env
from aftersales.registry import SERVICES
from bench.measure import Meter, WrkRun, wrk

RESULTS = Path(__file__).parent / "results"
SECRET = "bench-secret-" + "b" * 32

# The services' own defaults, as `make run` has them (the test stack polls every 0.2 s, which is
# right for tests and wrong for a measurement).
MAKE_RUN_ENV = {
    "AFTERSALES_ENVIRONMENT": "development",
    "AFTERSALES_LOG_LEVEL": "WARNING",
    "AFTERSALES_OUTBOX_POLL_SECONDS": "1.0",
    "AFTERSALES_CONSUMER_BACKOFF_SECONDS": "[1, 5, 15, 60]",
    "AFTERSALES_CONSUMER_WATCHDOG_SECONDS": "5",
    "AFTERSALES_CONSUMER_ACK_WAIT_SECONDS": "30",
    "INTAKE_WEBHOOK_POLL_SECONDS": "1.0",
    "DISPATCH_TIMER_POLL_SECONDS": "1.0",
    "BILLING_WORKER_POLL_SECONDS": "5.0",
    "FEEDBACK_WATCH_POLL_SECONDS": "30.0",
}


def machine() -> dict[str, str]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = "unknown"
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f"{kb / 1024 / 1024:.0f} GiB"
    except (OSError, ValueError):
        pass
    return {
        "cpu": cpu,
        "cores": str(os.cpu_count()),
        "memory": mem,
        "python": platform.python_version(),
        "os": platform.platform(),
    }


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


async def setup_ticket_body(base: str, headers: dict[str, str], tag: str) -> dict[str, str]:
    """A customer and a product to open tickets for, through the public API."""
    async with httpx.AsyncClient(base_url=base, headers=headers, timeout=30) as c:
        customer = (
            await c.post(
                "/v1/customers",
                json={
                    "name": "Bench",
                    "phone": f"136{time.time_ns() % 100_000_000:08d}",
                    "address": {"region": "310115", "city": "Shanghai", "line": "1 Bench Rd"},
                },
            )
        ).json()
        product = (
            await c.post(
                f"/v1/customers/{customer['id']}/products",
                json={
                    "category": "air_conditioner",
                    "model": "KFR-35GW",
                    "serial_no": f"B-{tag}-{time.time_ns()}",
                    "purchased_on": "2026-06-01",
                    "warranty_months": 12,
                },
            )
        ).json()
    return {
        "customer_id": customer["id"],
        "product_id": product["id"],
        "kind": "repair",
        "description": "benchmark ticket",
        "channel": "crm",
    }


async def post_retrying(
    c: httpx.AsyncClient,
    path: str,
    *,
    key: str,
    json: Any = None,
    attempts: int = 5,
    pause: float = 0.5,
) -> tuple[httpx.Response, int]:
    """POST with an ``Idempotency-Key``, sent again when the connection drops under load (a
    keep-alive connection the server closed as it was reused): the key makes that safe.
    Returns the response and how many times it was sent again."""
    for attempt in range(attempts):
        try:
            return await c.post(path, json=json, headers={"Idempotency-Key": key}), attempt
        except httpx.TransportError:
            if attempt == attempts - 1:
                raise
            await asyncio.sleep(pause)
    raise AssertionError("unreachable")


async def drive(
    base: str,
    headers: dict[str, str],
    body: dict[str, str],
    tickets: int,
    concurrency: int,
    *,
    rate: float,
    tag: str = "b",
) -> dict[str, float]:
    """POST ``tickets`` tickets paced at ``rate``/s, each with its own ``Idempotency-Key``.

    A paced Python client, for latency below saturation and for lifecycle work that needs
    logic; never for a throughput figure (wrk gives those). Its own CPU is reported."""
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    cpu_before = time.process_time()
    async with httpx.AsyncClient(base_url=base, headers=headers, limits=limits, timeout=30) as c:
        queue: asyncio.Queue[int] = asyncio.Queue()
        for i in range(tickets):
            queue.put_nowait(i)
        request_ms: list[float] = []
        retries = 0
        started = time.perf_counter()

        async def worker() -> None:
            nonlocal retries
            while True:
                try:
                    i = queue.get_nowait()
                except asyncio.QueueEmpty:
                    return
                await asyncio.sleep(max(0.0, started + i / rate - time.perf_counter()))
                t0 = time.perf_counter()
                r, retried = await post_retrying(
                    c, "/v1/tickets", key=f"{tag}{i}", json=body, attempts=3, pause=0
                )
                retries += retried
                request_ms.append((time.perf_counter() - t0) * 1000)
                r.raise_for_status()

        await asyncio.gather(*[worker() for _ in range(concurrency)])
        elapsed = time.perf_counter() - started
    return {
        "created": tickets,
        "seconds": round(elapsed, 2),
        "tickets_per_second": round(tickets / elapsed, 1),
        "request_p50_ms": round(pct(request_ms, 50), 1),
        "request_p99_ms": round(pct(request_ms, 99), 1),
        "retried_after_connection_error": retries,
        # The bench process's CPU while it drove them (its other tasks included).
        "client_cpu_ms_per_ticket": round((time.process_time() - cpu_before) * 1000 / tickets, 2),
    }


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


class BareProcess:
    def __init__(self, dsn: str, port: int, log_path: Path) -> None:
        self.dsn, self.port, self.log_path = dsn, port, log_path
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        log = open(self.log_path, "ab")  # noqa: SIM115 - handed to the child
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "uvicorn",
                "bench.bare:create_app",
                "--factory",
                "--host",
                "127.0.0.1",
                "--port",
                str(self.port),
                "--no-access-log",
            ],
            env={**os.environ, "BARE_DSN": self.dsn},
            stdout=log,
            stderr=subprocess.STDOUT,
            preexec_fn=die_with_parent(signal.SIGTERM),
        )
        log.close()
        wait_port(self.port, 30)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(15)


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


def measured(meter: Meter, run: Callable[[], WrkRun]) -> dict[str, Any]:
    """One wrk run with the CPU it cost per request, the load generator's own taken out. The
    reading ends when the machine is idle again, so what the requests left to do in the
    background (the relay publishing their events, the consumers handling them) is their cost
    too, and the next round starts on a quiet machine."""
    before = meter.read()
    result = run()
    settled = meter.settle()
    after = meter.read()
    cost = meter.cost(before, after, result.requests, result.wrk_cpu_seconds)
    # the cores the run's work kept busy while the load lasted (its trailing work included)
    cost["cores_busy"] = round(cost["machine"] * result.requests / 1000 / result.seconds, 2)
    return {**result.as_dict(), "settle_seconds": round(settled, 1), "cpu_ms_per_request": cost}


def interleaved(
    meter: Meter, runs: dict[str, Callable[[], WrkRun]], rounds: int
) -> dict[str, list[dict[str, Any]]]:
    """Every run once per round, in turn, ``rounds`` times: a slow minute on a shared machine
    then costs every contender alike."""
    out: dict[str, list[dict[str, Any]]] = {name: [] for name in runs}
    for _ in range(rounds):
        for name, run in runs.items():
            out[name].append(measured(meter, run))
    return out


def compared(service: list[dict[str, Any]], yardstick: list[dict[str, Any]]) -> dict[str, Any]:
    ratios = [s["per_second"] / y["per_second"] for s, y in zip(service, yardstick, strict=True)]
    return {
        "per_round": [round(r, 3) for r in ratios],
        "median_ratio": round(statistics.median(ratios), 3),
        "spread": [round(min(ratios), 3), round(max(ratios), 3)],
        "service_per_second_median": round(statistics.median(s["per_second"] for s in service), 1),
        "yardstick_per_second_median": round(
            statistics.median(y["per_second"] for y in yardstick), 1
        ),
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
