"""What every benchmark shares: where results go, the token secret, ``make run``'s settings, the
machine a figure was measured on, and percentiles."""

from __future__ import annotations

import os
import platform
from pathlib import Path

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
