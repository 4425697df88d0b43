"""The four services as separate uvicorn processes, exactly as ``make run`` starts them, for
end-to-end, fuzz and fault tests (which may kill and restart them)."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import httpx

from aftersales.auth import JWTAuthenticator
from aftersales.messaging.identity import BrokerCredentials
from aftersales.registry import CONSOLE, SERVICES
from aftersales.settings import ServiceSettings
from aftersales_dev.devstack.ports import free_port
from aftersales_dev.devstack.stack import (
    ServiceProcess,
    ServiceSupervisor,
    console_env,
    service_env,
)

# Quick loops, so a test need not wait for production-sized polls.
FAST_ENV = {
    "AFTERSALES_ENVIRONMENT": "test",
    "AFTERSALES_LOG_LEVEL": "WARNING",
    # Tests drive hundreds of tickets as agents; the limiter's own tests switch it on.
    "AFTERSALES_RATE_LIMIT_ENABLED": "false",
    "AFTERSALES_OUTBOX_POLL_SECONDS": "0.2",
    "AFTERSALES_CONSUMER_BACKOFF_SECONDS": "[0.2, 0.5, 1.0, 2.0]",
    "AFTERSALES_CONSUMER_WATCHDOG_SECONDS": "2",
    "AFTERSALES_CONSUMER_ACK_WAIT_SECONDS": "10",
    "INTAKE_WEBHOOK_ALLOW_PRIVATE_URLS": "true",
    "INTAKE_WEBHOOK_POLL_SECONDS": "0.2",
    "INTAKE_WEBHOOK_RETRY_SCHEDULE": "[1, 1, 2]",
    "DISPATCH_TIMER_POLL_SECONDS": "0.2",
    "INTAKE_CLOCK_POLL_SECONDS": "0.2",
    "DISPATCH_RETURNS_POLL_SECONDS": "0.5",
    "BILLING_WORKER_POLL_SECONDS": "0.5",
    "FEEDBACK_WATCH_POLL_SECONDS": "0.5",
}


# uvicorn closes a connection idle for 5 s; a client that keeps it as long may send a request
# on it just as it closes ("Server disconnected without sending a response"). Let go sooner.
KEEP_ALIVE = httpx.Limits(keepalive_expiry=2)


class ProcessStack:
    def __init__(
        self,
        db_urls: dict[str, str],
        nats_url: str,
        secret: str,
        log_dir: Path,
        env: dict[str, str] | None = None,
        replicas: int = 1,
        credentials: BrokerCredentials | None = None,
        console: bool = False,
    ) -> None:
        self.secret = secret
        self.db_urls = db_urls
        self.supervisor = ServiceSupervisor()
        self.by_name: dict[str, ServiceProcess] = {}
        self.replicas: dict[str, list[ServiceProcess]] = {}
        for ref in SERVICES:
            for i in range(replicas):
                port = free_port()
                process_env = service_env(
                    ref,
                    db_url=db_urls[ref.name],
                    nats_url=nats_url,
                    jwt_secret=secret,
                    credentials=credentials,
                )
                process_env.update(FAST_ENV)
                process_env.update(env or {})
                process_env[f"{ref.env_prefix}PORT"] = str(port)
                log = log_dir / (f"{ref.name}.log" if i == 0 else f"{ref.name}-{i + 1}.log")
                proc = ServiceProcess(ref, process_env, log, port_number=port)
                self.supervisor.processes.append(proc)
                self.replicas.setdefault(ref.name, []).append(proc)
            self.by_name[ref.name] = self.replicas[ref.name][0]
        if console:  # the people's screens, beside the four services as `make run` runs them
            port = free_port()
            urls = {ref.name: self.url(ref.name) for ref in SERVICES}
            env_ = console_env(db_urls["console"], urls, secret=secret, port=port)
            proc = ServiceProcess(CONSOLE, env_, log_dir / "console.log", port_number=port)
            self.supervisor.processes.append(proc)
            self.replicas["console"] = [proc]
            self.by_name["console"] = proc
        self._auth = JWTAuthenticator(ServiceSettings(jwt_secret=secret))

    def start(self, timeout: float = 90) -> None:
        self.supervisor.start_all()
        self.wait_ready(timeout)

    def wait_ready(self, timeout: float = 90) -> None:
        pending = list(self.supervisor.processes)
        deadline = time.monotonic() + timeout
        with httpx.Client(timeout=2) as c:
            while pending and time.monotonic() < deadline:
                for proc in list(pending):
                    try:
                        if c.get(f"http://127.0.0.1:{proc.port}/readyz").status_code == 200:
                            pending.remove(proc)
                    except httpx.HTTPError:
                        pass
                time.sleep(0.3)
        if pending:
            raise AssertionError(f"not ready: {[p.ref.name for p in pending]}")

    def url(self, name: str, replica: int = 0) -> str:
        return f"http://127.0.0.1:{self.replicas[name][replica].port}"

    def auth(self, role: str = "admin", **scope: Any) -> dict[str, str]:
        return {"Authorization": f"Bearer {self._auth.issue(role=role, **scope)}"}

    async def console_link(
        self, role: str, *, next_page: str | None = None, ttl_minutes: float = 10, **scope: Any
    ) -> str:
        """A one-time link that signs in to the console as ``role`` (what `aftersales
        console-link` prints under `make run`)."""
        from datetime import UTC, datetime, timedelta

        from console.adapters.links import issue_link
        from console.domain.sessions import session_key_from

        return await issue_link(
            self.db_urls["console"],
            session_key_from(self.secret),
            self._auth.issue(role=role, **scope),
            base_url=self.url("console"),
            now=datetime.now(UTC),
            ttl=timedelta(minutes=ttl_minutes),
            next_page=next_page,
        )

    def client(self, name: str) -> httpx.AsyncClient:
        return httpx.AsyncClient(base_url=self.url(name), timeout=30, limits=KEEP_ALIVE)

    def kill(self, name: str) -> None:
        self.by_name[name].kill()

    def restart(self, name: str, timeout: float = 60) -> None:
        proc = self.by_name[name]
        proc.kill()
        proc.restarts += 1
        proc.start()
        deadline = time.monotonic() + timeout
        last = "no answer"
        with httpx.Client(timeout=2) as c:
            while time.monotonic() < deadline:
                try:
                    r = c.get(f"{self.url(name)}/readyz")
                    if r.status_code == 200:
                        return
                    last = f"{r.status_code} {r.text[:300]}"
                except httpx.HTTPError as exc:
                    last = repr(exc)
                time.sleep(0.2)
        raise AssertionError(f"{name} not ready again after {timeout}s (last /readyz: {last})")

    def stop(self) -> None:
        self.supervisor.stop_all()
