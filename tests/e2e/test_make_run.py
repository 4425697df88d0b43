"""Smoke test of `make run` itself: from an empty data dir to four ready services and back."""

import asyncio
import json
import os
import signal
import stat
import subprocess
import time
from pathlib import Path

import asyncpg
import httpx
import psutil
import pytest
from sqlalchemy.engine import make_url

from aftersales_dev.devstack.ports import free_port

ROOT = Path(__file__).resolve().parents[2]
SERVICES = ("intake", "dispatch", "billing", "feedback")


class Stack:
    """One `make run`, started as a terminal would and stopped with Ctrl-C."""

    def __init__(self, env: dict[str, str], log_path: Path) -> None:
        self.log_path = log_path
        self.log = log_path.open("wb")
        self.proc = subprocess.Popen(
            ["make", "--no-print-directory", "run"],
            cwd=ROOT,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.children: list[psutil.Process] = []

    def wait_for_token(self, timeout: float = 180) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            text = self.log_path.read_text(errors="replace")
            if "admin token" in text and "Ctrl-C stops everything" in text:
                lines = text.splitlines()
                idx = next(i for i, line in enumerate(lines) if "admin token" in line)
                self.children = psutil.Process(self.proc.pid).children(recursive=True)
                return lines[idx + 1].strip()
            if self.proc.poll() is not None:
                raise AssertionError(f"make run exited early:\n{text[-3000:]}")
            time.sleep(0.3)
        raise AssertionError(f"make run not ready:\n{self.log_path.read_text()[-3000:]}")

    def stop(self) -> list[psutil.Process]:
        os.killpg(self.proc.pid, signal.SIGINT)  # what Ctrl-C in the terminal does
        self.proc.wait(60)
        self.log.close()
        # make has exited; its children get the signal too (or die with their parent): wait
        # for them to be gone rather than for a fixed while, and return those that stay.
        _, alive = psutil.wait_procs(self.children, timeout=10)
        return [c for c in alive if c.is_running() and c.status() != psutil.STATUS_ZOMBIE]


def login(dsn: str) -> str:
    async def attempt() -> str:
        try:
            conn = await asyncpg.connect(dsn, timeout=10)
        except asyncpg.InvalidPasswordError as exc:
            return f"refused: {exc}"
        try:
            return str(await conn.fetchval("SELECT current_user"))
        finally:
            await conn.close()

    return asyncio.run(attempt())


def assert_postgres_wants_its_password(data_dir: Path, log_path: Path) -> None:
    """`make run`'s PostgreSQL lets no one in without the password it keeps under .data/;
    the files that hold it are the owner's alone, and the banner does not print it."""
    password_file = data_dir / "pg-password"
    stack_file = data_dir / "stack.json"
    for private in (password_file, stack_file):
        assert stat.S_IMODE(private.stat().st_mode) == 0o600, private
    password = password_file.read_text().strip()
    admin = make_url(json.loads(stack_file.read_text())["admin_url"])
    assert admin.password == password
    assert password not in log_path.read_text(errors="replace")
    with_password = admin.render_as_string(hide_password=False)
    assert login(with_password) == "postgres"
    anyone = f"postgresql://postgres@127.0.0.1:{admin.port}/postgres"
    assert login(anyone).startswith("refused")


def wait_ready(client: httpx.Client, port: int, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if client.get(f"http://127.0.0.1:{port}/readyz").status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"port {port} not ready in {timeout}s")


@pytest.mark.slow
def test_make_run_brings_the_stack_up_restarts_crashes_and_keeps_its_data(tmp_path):
    data_dir = tmp_path / "data"
    ports = {name: free_port() for name in SERVICES}
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
    intake = f"http://127.0.0.1:{ports['intake']}"
    jobs_url = f"http://127.0.0.1:{ports['dispatch']}/v1/jobs"

    stack = Stack(env, tmp_path / "first.log")
    try:
        headers = {"Authorization": f"Bearer {stack.wait_for_token()}"}
        with httpx.Client(timeout=5) as client:
            for port in ports.values():
                assert client.get(f"http://127.0.0.1:{port}/readyz").status_code == 200
            customer = client.post(
                f"{intake}/v1/customers",
                headers=headers,
                json={
                    "name": "Smoke Test",
                    "phone": "13700001111",
                    "address": {"region": "320505", "city": "Suzhou", "line": "1 Smoke Rd"},
                },
            ).json()
            product = client.post(
                f"{intake}/v1/customers/{customer['id']}/products",
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
                f"{intake}/v1/tickets",
                headers=headers,
                json={
                    "customer_id": customer["id"],
                    "product_id": product["id"],
                    "kind": "repair",
                    "description": "no hot water",
                    "channel": "hotline",
                },
            ).json()
            deadline, jobs = time.monotonic() + 30, []
            while time.monotonic() < deadline and not jobs:
                jobs = client.get(
                    jobs_url, params={"ticket_id": ticket["id"]}, headers=headers
                ).json()["items"]
                time.sleep(0.3)
            assert jobs and jobs[0]["status"] == "unrouted"
            assert_postgres_wants_its_password(data_dir, stack.log_path)

            names = {c.name() for c in stack.children}
            assert "postgres" in names and "nats-server" in names
            # A service that crashes is started again by the supervisor.
            [dispatch_proc] = [
                c for c in stack.children if "dispatch.main:create_app" in " ".join(c.cmdline())
            ]
            dispatch_proc.kill()
            # Gone (reaped by the supervisor, which restarts it then): the next ready answer
            # is the new process's, not the dying one's.
            dispatch_proc.wait(30)
            wait_ready(client, ports["dispatch"])
            assert "dispatch stopped unexpectedly; restarted" in stack.log_path.read_text()
            stack.children = psutil.Process(stack.proc.pid).children(recursive=True)
    finally:
        leftovers = stack.stop()
    assert leftovers == [], [c.cmdline() for c in leftovers]
    assert (data_dir / "pg" / "PG_VERSION").exists()
    first_password = (data_dir / "pg-password").read_text().strip()

    # A second `make run` finds its data again.
    again = Stack(env, tmp_path / "second.log")
    try:
        headers = {"Authorization": f"Bearer {again.wait_for_token()}"}
        with httpx.Client(timeout=5) as client:
            r = client.get(f"{intake}/v1/tickets/{ticket['id']}", headers=headers)
            assert r.status_code == 200 and r.json()["number"] == ticket["number"]
            found = client.get(jobs_url, params={"ticket_id": ticket["id"]}, headers=headers)
            assert [j["id"] for j in found.json()["items"]] == [jobs[0]["id"]]
            assert_postgres_wants_its_password(data_dir, again.log_path)
            assert (data_dir / "pg-password").read_text().strip() == first_password
    finally:
        leftovers = again.stop()
    assert leftovers == [], [c.cmdline() for c in leftovers]
