"""What every benchmark measures with: wrk for throughput, and CPU time counted whole.

- **Throughput** comes from wrk, a compiled load generator, so the client is not what sets the
  rate (a Python client on the same two cores is: it measured itself, see bench/README.md).
  ``make bench`` installs Debian's wrk when it is missing; without it the benchmark stops.
  Each wrk run's own CPU is read from its ``rusage`` and reported beside the figures.
- **CPU per operation** is counted twice over:
  the whole machine, from ``/proc/stat`` deltas with the idle machine's rate subtracted and the
  load generator's own CPU taken out; and each part (a service, PostgreSQL, NATS) from its
  process tree, *including children that exited* (``cutime``/``cstime``), so PostgreSQL's
  backends, which come and go, are counted whole.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson
import psutil

LUA = Path(__file__).parent / "lua"
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


# --- wrk ---------------------------------------------------------------------------------


def wrk_binary() -> str:
    found = shutil.which("wrk")
    if found is None:
        raise SystemExit(
            "wrk is not installed. `make bench` installs it (Debian: apt-get install wrk); "
            "the benchmarks measure throughput with it and nothing else."
        )
    return found


@dataclass(frozen=True)
class WrkRun:
    requests: int
    seconds: float
    latency_ms: dict[str, float]
    non_2xx: int
    socket_errors: int
    wrk_cpu_seconds: float

    @property
    def per_second(self) -> float:
        return self.requests / self.seconds

    def as_dict(self) -> dict[str, Any]:
        return {
            "requests": self.requests,
            "seconds": round(self.seconds, 2),
            "per_second": round(self.per_second, 1),
            "latency_ms": self.latency_ms,
            "non_2xx": self.non_2xx,
            "socket_errors": self.socket_errors,
            "wrk_cpu_seconds": round(self.wrk_cpu_seconds, 2),
        }


def wrk(
    url: str,
    script: str,
    args: list[str],
    *,
    seconds: float = 10,
    connections: int = 32,
    threads: int = 2,
) -> WrkRun:
    """One wrk run of ``seconds`` with one of bench/lua's scripts; its JSON summary back."""
    command = [
        wrk_binary(),
        "-t",
        str(threads),
        "-c",
        str(connections),
        "-d",
        f"{seconds:g}s",
        "--timeout",
        "30s",
        "-s",
        str(LUA / script),
        url,
        "--",
        *args,
    ]
    with tempfile.TemporaryFile() as out:
        process = subprocess.Popen(
            command,
            stdout=out,
            stderr=subprocess.STDOUT,
            env={**os.environ, "BENCH_LUA_DIR": str(LUA)},
        )
        # wait4, not wait: the child's own rusage is wrk's CPU, to be taken out of the
        # machine's.
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        text = out.read().decode(errors="replace")
    line = next((ln for ln in text.splitlines() if ln.startswith("BENCH_JSON ")), None)
    if process.returncode != 0 or line is None:
        raise RuntimeError(f"wrk failed ({process.returncode}):\n{text}")
    data = orjson.loads(line.removeprefix("BENCH_JSON "))
    errors = data["errors"]
    return WrkRun(
        requests=data["requests"],
        seconds=data["duration_us"] / 1e6,
        latency_ms={
            k: round(data["latency_us"][k] / 1000, 2)
            for k in ("p50", "p90", "p95", "p99", "max")
            if k in data["latency_us"]
        },
        non_2xx=errors["status"],
        socket_errors=errors["connect"] + errors["read"] + errors["write"] + errors["timeout"],
        wrk_cpu_seconds=usage.ru_utime + usage.ru_stime,
    )


# --- CPU ---------------------------------------------------------------------------------


def machine_busy_seconds() -> float:
    """CPU seconds the whole machine has spent busy since boot, all cores (``/proc/stat``:
    user, nice, system, irq, softirq; idle, iowait and steal are not ours)."""
    with open("/proc/stat") as f:
        fields = [int(x) for x in f.readline().split()[1:]]
    user, nice, system, _idle, _iowait, irq, softirq = fields[:7]
    return (user + nice + system + irq + softirq) / CLOCK_TICKS


def tree_cpu_seconds(pid: int) -> float:
    """CPU seconds of a process and every descendant, living or exited-and-reaped: each live
    process's own time plus the time of the children it has waited for (which carry their own
    reaped children's)."""
    try:
        root = psutil.Process(pid)
        procs = [root, *root.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0.0
    total = 0.0
    for proc in procs:
        try:
            t = proc.cpu_times()
        except psutil.NoSuchProcess:
            continue  # exited between listing and reading; its parent has it once reaped
        total += t.user + t.system + t.children_user + t.children_system
    return total


@dataclass(frozen=True)
class Reading:
    at: float
    machine: float
    parts: dict[str, float]


class Meter:
    """Reads the machine's and each named process tree's CPU; ``idle()`` measures the rate the
    machine burns doing nothing, to subtract from what a run costs."""

    def __init__(self, parts: dict[str, int] | None = None) -> None:
        self.parts: dict[str, int] = dict(parts or {})
        self.idle_cores = 0.0

    def read(self) -> Reading:
        return Reading(
            time.monotonic(),
            machine_busy_seconds(),
            {name: tree_cpu_seconds(pid) for name, pid in self.parts.items()},
        )

    def idle(self, seconds: float = 5) -> float:
        before = self.read()
        time.sleep(seconds)
        after = self.read()
        self.idle_cores = (after.machine - before.machine) / (after.at - before.at)
        return self.idle_cores

    def settle(self, limit: float = 60, window: float = 0.5, margin: float = 0.1) -> float:
        """Wait until the machine is back at its idle rate (within ``margin`` cores, two
        windows running), at most ``limit`` seconds; returns the seconds waited. Work a run
        leaves behind (the outbox relay, consumers) then counts in that run, not the next."""
        start = time.monotonic()
        calm = 0
        last = self.read()
        while calm < 2 and time.monotonic() - start < limit:
            time.sleep(window)
            now = self.read()
            rate = (now.machine - last.machine) / (now.at - last.at)
            calm = calm + 1 if rate <= self.idle_cores + margin else 0
            last = now
        return time.monotonic() - start

    def cost(
        self, before: Reading, after: Reading, operations: int, excluded_seconds: float = 0.0
    ) -> dict[str, float]:
        """CPU milliseconds per operation between two readings: ``machine`` (everything but
        the idle rate and ``excluded_seconds`` — the load generator), each part, and how many
        cores were busy on the run's account."""
        elapsed = after.at - before.at
        machine = after.machine - before.machine - self.idle_cores * elapsed - excluded_seconds
        out = {"machine": round(machine * 1000 / max(1, operations), 3)}
        for name in after.parts:
            spent = after.parts[name] - before.parts.get(name, 0.0)
            out[name] = round(spent * 1000 / max(1, operations), 3)
        out["cores_busy"] = round(machine / elapsed, 2)
        return out
