"""The yardstick and the rounds against it: the bare FastAPI + asyncpg app (``bench/bare.py``) as
a process, one wrk run with the CPU it cost, runs in interleaved rounds, and a service's rate as
a ratio of the yardstick's."""

from __future__ import annotations

import os
import signal
import statistics
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from aftersales_dev.devstack.lifetime import die_with_parent
from aftersales_dev.devstack.ports import wait_port
from bench.measure import Meter, WrkRun


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
