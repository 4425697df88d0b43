"""Smoke test of `make run` itself: from an empty data dir to four ready services and back."""

import os
import signal
import subprocess
import time
from pathlib import Path

import httpx
import psutil
import pytest

from aftersales.devstack.ports import free_port

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_make_run_brings_the_stack_up_and_down(tmp_path):
    data_dir = tmp_path / "data"
    ports = {name: free_port() for name in ("intake", "dispatch", "billing", "feedback")}
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DATABASE_URL", "NATS_URL", "AFTERSALES_JWT_SECRET")
    }
    env.update(
        AFTERSALES_DATA_DIR=str(data_dir),
        AFTERSALES_PG_PORT=str(free_port()),
        AFTERSALES_NATS_PORT=str(free_port()),
        **{f"{name.upper()}_PORT": str(port) for name, port in ports.items()},
    )
    log = (tmp_path / "make-run.log").open("wb")
    proc = subprocess.Popen(
        ["make", "--no-print-directory", "run"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        token = _wait_for_token(tmp_path / "make-run.log", proc, timeout=180)
        with httpx.Client(timeout=5) as client:
            for name, port in ports.items():
                r = client.get(f"http://127.0.0.1:{port}/readyz")
                assert r.status_code == 200, (name, r.text)
            headers = {"Authorization": f"Bearer {token}"}
            base = f"http://127.0.0.1:{ports['intake']}"
            customer = client.post(
                f"{base}/v1/customers",
                headers=headers,
                json={
                    "name": "Smoke Test",
                    "phone": "13700001111",
                    "address": {"region": "320505", "city": "Suzhou", "line": "1 Smoke Rd"},
                },
            ).json()
            product = client.post(
                f"{base}/v1/customers/{customer['id']}/products",
                headers=headers,
                json={
                    "category": "water_heater",
                    "model": "JSQ",
                    "serial_no": "SMOKE-1",
                    "purchased_on": "2026-01-10",
                    "warranty_months": 24,
                },
            ).json()
            ticket = client.post(
                f"{base}/v1/tickets",
                headers=headers,
                json={
                    "customer_id": customer["id"],
                    "product_id": product["id"],
                    "kind": "repair",
                    "description": "no hot water",
                    "channel": "hotline",
                },
            ).json()
            jobs_url = f"http://127.0.0.1:{ports['dispatch']}/v1/jobs"
            deadline = time.monotonic() + 30
            jobs = []
            while time.monotonic() < deadline and not jobs:
                jobs = client.get(
                    jobs_url, params={"ticket_id": ticket["id"]}, headers=headers
                ).json()["items"]
                time.sleep(0.3)
            assert jobs and jobs[0]["status"] == "unrouted"
        children = psutil.Process(proc.pid).children(recursive=True)
        names = {c.name() for c in children}
        assert "postgres" in names and "nats-server" in names
    finally:
        os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C in the terminal does
        proc.wait(60)
        log.close()
    time.sleep(0.5)
    leftovers = [c for c in children if c.is_running() and c.status() != psutil.STATUS_ZOMBIE]
    assert leftovers == [], [c.cmdline() for c in leftovers]
    assert (data_dir / "pg" / "PG_VERSION").exists()
    assert (data_dir / "nats" / "jetstream").exists()


def _wait_for_token(log_path: Path, proc: subprocess.Popen, timeout: float) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        text = log_path.read_text(errors="replace")
        if "admin token" in text and "Ctrl-C stops everything" in text:
            lines = text.splitlines()
            idx = next(i for i, line in enumerate(lines) if "admin token" in line)
            return lines[idx + 1].strip()
        if proc.poll() is not None:
            raise AssertionError(f"make run exited early:\n{text[-3000:]}")
        time.sleep(0.3)
    raise AssertionError(f"make run not ready in {timeout}s:\n{log_path.read_text()[-3000:]}")
