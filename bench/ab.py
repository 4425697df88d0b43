"""Intake at two commits, side by side under wrk: did a change make the create or the read faster?

A is intake at ``--base`` (checked out into a temporary git worktree), B is intake in this
working tree. Each runs as one uvicorn process (B with ``--workers-b``) on its own database of
one embedded PostgreSQL and on its own NATS, so neither relays or consumes the other's events;
the bare yardstick (``bench/bare.py``) runs beside them. Rounds of ``--seconds`` are interleaved
and their order rotates (bare A B, B A bare, A B bare, bare B A), so a slow minute of the VM
costs every contender alike; each round's CPU reading ends when the machine is idle again, so
the relay and consumer work a round's requests left behind is counted in that round.

    python -m bench.ab --base df595c8 --what create
    python -m bench.ab --base df595c8 --what read --workers-b 2

``--what lifecycle`` runs ``bench.lifecycle`` instead, once per round and commit in the order
A1 B1 A2 B2 ... (one run at a time: it needs the whole machine), with A's four services
started from the worktree: the events delivered and handled per closed ticket, and the CPU
a closed ticket costs, the suite's parts beside the bench's own clients.

Prints every round and writes ``bench/results/ab-<what>.json`` (``--out`` to name it).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import subprocess
import sys
import tempfile
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx

from aftersales.registry import SERVICES
from aftersales_dev.devstack.nats import EmbeddedNats
from aftersales_dev.devstack.ports import free_port, wait_port
from aftersales_dev.devstack.postgres import EmbeddedPostgres
from aftersales_dev.devstack.stack import ServiceProcess, prepare_database, service_env
from bench import sql
from bench.common import MAKE_RUN_ENV, RESULTS, SECRET, machine
from bench.load import setup_ticket_body
from bench.measure import Meter, WrkRun, wrk
from bench.yardstick import BareProcess, measured

ROOT = Path(__file__).resolve().parent.parent
ORDERS = [("bare", "A", "B"), ("B", "A", "bare"), ("A", "B", "bare"), ("bare", "B", "A")]


def worktree(rev: str, where: Path) -> str:
    """``rev`` checked out at ``where``; returns its full commit id."""
    subprocess.run(
        ["git", "-C", str(ROOT), "worktree", "add", "--detach", str(where), rev],
        check=True,
        capture_output=True,
    )
    return subprocess.run(
        ["git", "-C", str(where), "rev-parse", "HEAD"], check=True, capture_output=True, text=True
    ).stdout.strip()


def source_path(tree: Path) -> str:
    """PYTHONPATH that makes a process import the kit and intake from ``tree``."""
    return f"{tree / 'shared'}:{tree / 'services' / 'intake'}"


async def main(
    tree: Path,
    base_commit: str,
    what: str,
    rounds: int,
    seconds: float,
    connections: int,
    workers_b: int,
) -> dict[str, Any]:
    from aftersales.auth import JWTAuthenticator
    from aftersales.settings import ServiceSettings

    bearer = "Bearer " + JWTAuthenticator(ServiceSettings(jwt_secret=SECRET)).issue(role="admin")
    auth = {"Authorization": bearer}
    ref = next(r for r in SERVICES if r.name == "intake")
    with tempfile.TemporaryDirectory(prefix="aftersales-ab-") as tmp:
        data = Path(tmp)
        pg = EmbeddedPostgres(data / "pg", free_port(), {"track_commit_timestamp": "on"})
        brokers = {
            "A": EmbeddedNats(data / "na", free_port()),
            "B": EmbeddedNats(data / "nb", free_port()),
        }
        pg.start()
        for broker in brokers.values():
            broker.start()
        intakes: dict[str, ServiceProcess] = {}
        bare: BareProcess | None = None
        try:
            for name, broker in brokers.items():
                urls = await prepare_database(pg.admin_url, f"ab_{name.lower()}")
                port = free_port()
                env = service_env(
                    ref, db_url=urls["intake"], nats_url=broker.url, jwt_secret=SECRET
                )
                env.update(MAKE_RUN_ENV)
                env[f"{ref.env_prefix}PORT"] = str(port)
                if name == "A":
                    env["PYTHONPATH"] = source_path(tree)
                else:
                    env["WEB_CONCURRENCY"] = str(workers_b)
                intakes[name] = ServiceProcess(ref, env, data / f"{name}.log", port_number=port)
                intakes[name].start()
                wait_port(port, 60)
            await asyncio.sleep(3)  # every worker up (the port opens with the first)
            dsn = pg.admin_url.rsplit("/", 1)[0] + "/ab_b"
            bare = BareProcess(dsn, free_port(), data / "bare.log")
            bare.start()
            pids = {name: p.process.pid for name, p in intakes.items() if p.process is not None}
            assert bare.process is not None and pg.process is not None
            meter = Meter({**pids, "bare": bare.process.pid, "postgres": pg.process.pid})

            run = uuid.uuid4().hex[:8]
            counter = iter(range(10**9))
            targets: dict[str, tuple[str, Path, str]] = {}
            async with httpx.AsyncClient(headers=auth) as client:
                for name, proc in intakes.items():
                    url = f"http://127.0.0.1:{proc.port}"
                    body = await setup_ticket_body(url, auth, name)
                    body_file = data / f"{name}.json"
                    body_file.write_text(json.dumps(body))
                    made = await client.post(
                        f"{url}/v1/tickets", json=body, headers={"Idempotency-Key": "read-me"}
                    )
                    targets[name] = (url, body_file, made.json()["id"])
                bare_body = targets["B"][1]
                made = await client.post(
                    f"{bare.url}/v1/tickets", json=json.loads(bare_body.read_text())
                )
                targets["bare"] = (bare.url, bare_body, made.json()["id"])

            def go(name: str, secs: float = seconds) -> WrkRun:
                url, body_file, ticket = targets[name]
                if what == "read":
                    return wrk(
                        f"{url}/v1/tickets/{ticket}",
                        "get.lua",
                        [bearer],
                        seconds=secs,
                        connections=connections,
                    )
                return wrk(
                    f"{url}/v1/tickets",
                    "post.lua",
                    [f"{run}-{next(counter)}", str(body_file), "" if name == "bare" else bearer],
                    seconds=secs,
                    connections=connections,
                )

            for name in ("bare", "A", "B"):
                go(name, 3)  # warm up: pools filled, code paths loaded
            meter.settle()
            meter.idle(5)
            runs: dict[str, list[dict[str, Any]]] = {"bare": [], "A": [], "B": []}
            for i in range(rounds):
                for name in ORDERS[i % len(ORDERS)]:
                    result = measured(meter, lambda name=name: go(name))  # type: ignore[misc]
                    runs[name].append(result)
                    cpu = result["cpu_ms_per_request"]
                    print(
                        f"round {i} {name:>4}: {result['per_second']:8.1f}/s, "
                        f"p99 {result['latency_ms']['p99']} ms, CPU per request: machine "
                        f"{cpu['machine']} ms, its process {cpu[name]} ms, "
                        f"PostgreSQL {cpu['postgres']} ms",
                        flush=True,
                    )
        finally:
            if bare is not None:
                bare.stop()
            for proc in intakes.values():
                proc.stop()
            for broker in brokers.values():
                broker.stop()
            pg.stop()

    def median(name: str, key: str) -> float:
        return round(statistics.median(r["cpu_ms_per_request"][key] for r in runs[name]), 3)

    summary: dict[str, Any] = {}
    for name in ("A", "B"):
        ratios = [
            s["per_second"] / y["per_second"] for s, y in zip(runs[name], runs["bare"], strict=True)
        ]
        summary[name] = {
            "per_second_median": round(statistics.median(r["per_second"] for r in runs[name]), 1),
            "ratio_to_bare_median": round(statistics.median(ratios), 3),
            "ratio_to_bare_spread": [round(min(ratios), 3), round(max(ratios), 3)],
            "cpu_ms_per_request_median": {
                "machine": median(name, "machine"),
                "intake": median(name, name),
                "postgres": median(name, "postgres"),
            },
        }
    summary["B_over_A_per_round"] = [
        round(b["per_second"] / a["per_second"], 3)
        for a, b in zip(runs["A"], runs["B"], strict=True)
    ]
    return {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "method": {
            "what": what,
            "A": f"intake at {base_commit}, 1 worker",
            "B": f"intake in the working tree, {workers_b} worker(s)",
            "load_generator": "wrk 2 threads",
            "connections": connections,
            "round_seconds": seconds,
            "rounds": rounds,
            "idle_cores": round(meter.idle_cores, 3),
        },
        "summary": summary,
        "runs": runs,
    }


LIFECYCLE_PARTS = ("intake", "dispatch", "billing", "feedback", "postgres", "nats")


def lifecycle(tree: Path, base_commit: str, rounds: int, seconds: int, rate: int) -> dict[str, Any]:
    """``bench.lifecycle`` at ``rate`` tickets/s for ``seconds``, A (the services of ``tree``)
    and B (this working tree's) in turns: A1 B1 A2 B2 ... Each run its own PostgreSQL and NATS."""
    runs: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory(prefix="aftersales-ab-lifecycle-") as tmp:
        for i in range(rounds):
            for name in ("A", "B"):
                out = Path(tmp) / f"{name}{i + 1}.json"
                command = [
                    sys.executable, "-m", "bench.lifecycle",
                    "--rates", str(rate), "--routing-rates", "", "--seconds", str(seconds),
                    "--outage", "0", "--out", str(out),
                ]  # fmt: skip
                if name == "A":
                    command += ["--services-from", str(tree)]
                subprocess.run(command, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
                runs[f"{name}{i + 1}"] = run = json.loads(out.read_text())
                row = _lifecycle_row(run)
                print(
                    f"{name}{i + 1}: " + ", ".join(f"{k} {v}" for k, v in row.items()), flush=True
                )
                print(sql.format_account(_sql(run), f"{name}{i + 1}: "), flush=True)
    table = {key: _lifecycle_row(run) for key, run in runs.items()}
    summary = {
        name: {
            key: round(statistics.mean(row[key] for k, row in table.items() if k[0] == name), 1)
            for key in next(iter(table.values()))
        }
        for name in ("A", "B")
    }
    statements = {key: _sql(run) for key, run in runs.items()}
    for i in range(rounds):
        print(
            f"SQL statements, round {i + 1}:\n"
            + sql.compare(statements[f"A{i + 1}"], statements[f"B{i + 1}"]),
            flush=True,
        )
    return {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "method": {
            "what": "lifecycle",
            "A": f"the four services at {base_commit}",
            "B": "the four services in the working tree",
            "command": f"python -m bench.lifecycle --rates {rate} --routing-rates '' "
            f"--seconds {seconds} --outage 0 (A with --services-from the worktree)",
            "order": " ".join(table),
            "sql": "pg_stat_statements (track = all) reset before the lifecycle's load and read"
            " once every ticket of it is closed; per closed ticket (bench/sql/)",
        },
        "per_run": table,
        "summary": summary,
        "sql_per_closed_ticket": {
            key: {k: v for k, v in account.items() if k != "all"}
            for key, account in statements.items()
        },
        "runs": runs,
    }


def _sql(run: dict[str, Any]) -> dict[str, Any]:
    [phase] = run["sustained"]
    account: dict[str, Any] = phase["sql_per_closed_ticket"]
    return account


def _lifecycle_row(run: dict[str, Any]) -> dict[str, float]:
    """One run's figures per closed ticket: events, and the CPU of the suite's parts (ms)."""
    [phase] = run["sustained"]
    cpu = phase["cpu_ms_per_closed_ticket"]
    work = run["work_per_closed_ticket"]
    suite = sum(cpu[p] for p in LIFECYCLE_PARTS)
    return {
        "closed_per_second": phase["lifecycle"]["closed_per_second_overall"],
        "sql_statements": phase["sql_per_closed_ticket"]["per_ticket"],
        "events_published": work["events_published"],
        "events_delivered": work["events_delivered"],
        "events_handled": work["events_handled"],
        "machine_ms": round(cpu["machine"], 1),
        "suite_ms": round(suite, 1),
        **{f"{p}_ms": round(cpu[p], 1) for p in LIFECYCLE_PARTS},
        "clients_ms": round(cpu["load_generator"], 1),
        "suite_over_clients": round(suite / cpu["load_generator"], 2),
    }


def cli() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="HEAD", help="the commit A runs (B is the working tree)")
    parser.add_argument("--what", choices=["create", "read", "lifecycle"], default="create")
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--workers-b", type=int, default=1)
    parser.add_argument("--out", default=None, help="file name under bench/results")
    parser.add_argument("--rate", type=int, default=10, help="lifecycle: tickets per second")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="aftersales-ab-base-") as tmp:
        tree = Path(tmp) / "base"
        commit = worktree(args.base, tree)
        try:
            if args.what == "lifecycle":
                result = lifecycle(tree, commit, args.rounds, int(args.seconds), args.rate)
            else:
                result = asyncio.run(
                    main(
                        tree,
                        commit,
                        args.what,
                        args.rounds,
                        args.seconds,
                        args.connections,
                        args.workers_b,
                    )
                )
        finally:
            subprocess.run(
                ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)],
                check=False,
                capture_output=True,
            )
    print(json.dumps(result["summary"], indent=2))
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / (args.out or f"ab-{args.what}.json")).write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    cli()
