"""The local stack behind `make run` and the tests: servers, database, migrations, services."""

from __future__ import annotations

import json
import os
import secrets
import signal
import subprocess
import sys
import time
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import httpx
from sqlalchemy.engine import make_url

from aftersales.messaging.identity import BrokerCredentials, without_userinfo
from aftersales.operations.database import DATABASE, application_dsn, prepare_database
from aftersales.registry import SERVICE_NAMES, ServiceRef
from aftersales.settings import DEV_SECRET_MARKER
from aftersales_dev.devstack.lifetime import die_with_parent
from aftersales_dev.devstack.nats import EmbeddedNats
from aftersales_dev.devstack.postgres import EmbeddedPostgres

__all__ = ["DATABASE", "application_dsn", "prepare_database"]  # re-exported for the tools

warnings.filterwarnings("ignore", message="XDG_RUNTIME_DIR", module="platformdirs")


def dev_secret(data_dir: Path) -> str:
    """The development JWT secret, made once per data dir (never valid in production)."""
    path = data_dir / "jwt-secret"
    if path.exists():
        return path.read_text().strip()
    data_dir.mkdir(parents=True, exist_ok=True)
    secret = DEV_SECRET_MARKER + secrets.token_urlsafe(32)
    path.write_text(secret)
    path.chmod(0o600)
    return secret


@dataclass
class Infrastructure:
    """PostgreSQL and NATS: the embedded ones, or those named by DATABASE_URL / NATS_URL."""

    data_dir: Path
    pg_port: int = 55432
    nats_port: int = 4222
    database_url: str | None = None
    nats_url: str | None = None
    postgres: EmbeddedPostgres | None = None
    nats: EmbeddedNats | None = None
    credentials: BrokerCredentials | None = None

    @classmethod
    def from_env(cls, data_dir: Path) -> Infrastructure:
        return cls(
            data_dir=data_dir,
            pg_port=int(os.environ.get("AFTERSALES_PG_PORT", "55432")),
            nats_port=int(os.environ.get("AFTERSALES_NATS_PORT", "4222")),
            database_url=os.environ.get("DATABASE_URL") or None,
            nats_url=os.environ.get("NATS_URL") or None,
        )

    def start(self) -> None:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        if self.database_url is None:
            self.postgres = EmbeddedPostgres(self.data_dir / "pg", self.pg_port)
            self.postgres.start()
        if self.nats_url is None:
            # The embedded broker admits only the services' own identities and the operator.
            self.credentials = BrokerCredentials.ensure(
                self.data_dir / "nats-credentials", SERVICE_NAMES
            )
            self.nats = EmbeddedNats(
                self.data_dir / "nats", self.nats_port, credentials=self.credentials
            )
            self.nats.start()

    @property
    def admin_url(self) -> str:
        if self.database_url is not None:
            return self.database_url
        assert self.postgres is not None
        return self.postgres.admin_url

    @property
    def admin_url_shown(self) -> str:
        """The admin URL to print: the password masked, and where it is kept."""
        shown = make_url(self.admin_url).render_as_string(hide_password=True)
        if self.postgres is not None:
            return f"{shown} (password in {self.postgres.password_file})"
        return shown

    @property
    def broker_url(self) -> str:
        """The broker as the operator sees it (tests, tools); services get their own identity."""
        if self.nats_url is not None:
            return self.nats_url
        assert self.nats is not None
        return self.nats.url

    def stop(self) -> None:
        if self.nats is not None:
            self.nats.stop()
        if self.postgres is not None:
            self.postgres.stop()


def service_env(
    ref: ServiceRef,
    *,
    db_url: str,
    nats_url: str,
    jwt_secret: str,
    credentials: BrokerCredentials | None = None,
) -> dict[str, str]:
    """A service process's environment; with ``credentials`` it connects to NATS as itself
    (the URL loses any operator password, which the service never sees)."""
    env = dict(os.environ)
    env.update(
        {
            f"{ref.env_prefix}DATABASE_URL": db_url,
            "AFTERSALES_NATS_URL": without_userinfo(nats_url) if credentials else nats_url,
            "AFTERSALES_JWT_SECRET": jwt_secret,
            f"{ref.env_prefix}PORT": str(ref.port),
        }
    )
    if credentials is not None:
        env[f"{ref.env_prefix}NATS_NKEY_SEED_FILE"] = str(credentials.seed_file(ref.name))
    env.setdefault("AFTERSALES_ENVIRONMENT", "development")
    return env


def console_env(db_url: str, services: dict[str, str], *, secret: str, port: int) -> dict[str, str]:
    """The console process's environment: its database, the four services' URLs, and its
    session key derived from the stack's secret; its cookie is not Secure on plain http."""
    from console.domain.sessions import session_key_from

    env = dict(os.environ)
    env.update(
        {
            "CONSOLE_DATABASE_URL": db_url,
            "CONSOLE_PORT": str(port),
            "CONSOLE_COOKIE_SECURE": "false",
            "CONSOLE_SESSION_KEY": session_key_from(secret),
            **{f"CONSOLE_{name.upper()}_URL": url for name, url in services.items()},
        }
    )
    env.setdefault("AFTERSALES_ENVIRONMENT", "development")
    return env


@dataclass
class ServiceProcess:
    ref: ServiceRef
    env: dict[str, str]
    log_path: Path
    process: subprocess.Popen[bytes] | None = None
    restarts: int = 0
    started_at: float = 0.0
    port_number: int | None = None  # else <SVC>_PORT or the default

    @property
    def port(self) -> int:
        return self.port_number or self.ref.port

    def kill(self) -> None:
        """SIGKILL: a crash, with no chance to clean up."""
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(10)

    def start(self) -> None:
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        log = open(self.log_path, "ab")  # noqa: SIM115 - handed to the child process
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "uvicorn",
                self.ref.app_factory,
                "--factory",
                "--host",
                "127.0.0.1",
                "--port",
                str(self.port),
                "--no-access-log",
                "--timeout-graceful-shutdown",
                "10",
            ],
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            preexec_fn=die_with_parent(signal.SIGTERM),
        )
        log.close()
        self.started_at = time.monotonic()

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def stop(self, timeout: float = 15) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(5)


@dataclass
class ServiceSupervisor:
    """Runs the four services as processes and restarts one that dies."""

    processes: list[ServiceProcess] = field(default_factory=list)

    def start_all(self) -> None:
        for p in self.processes:
            p.start()

    def check(self) -> list[str]:
        """Restart dead services (with a growing pause); returns what it restarted."""
        restarted = []
        for p in self.processes:
            if p.alive():
                continue
            wait = min(2 ** min(p.restarts, 5) * 0.5, 15)
            if time.monotonic() - p.started_at < wait:
                continue
            p.restarts += 1
            p.start()
            restarted.append(p.ref.name)
        return restarted

    def stop_all(self) -> None:
        for p in self.processes:
            if p.alive():
                assert p.process is not None
                p.process.send_signal(signal.SIGTERM)
        for p in self.processes:
            p.stop()

    def wait_ready(self, timeout: float = 60) -> dict[str, bool]:
        deadline = time.monotonic() + timeout
        ready = {p.ref.name: False for p in self.processes}
        with httpx.Client(timeout=2) as client:
            while time.monotonic() < deadline and not all(ready.values()):
                for p in self.processes:
                    if ready[p.ref.name]:
                        continue
                    try:
                        r = client.get(f"http://127.0.0.1:{p.port}/readyz")
                        ready[p.ref.name] = r.status_code == 200
                    except httpx.HTTPError:
                        pass
                time.sleep(0.3)
        return ready


def write_stack_file(data_dir: Path, admin_url: str, nats_url: str) -> None:
    """Where the running stack is, for the other commands. It holds the superuser's and the
    broker operator's passwords: 0600, written whole (never readable half-written)."""
    path = data_dir / "stack.json"
    tmp = path.with_name(f".stack.json.{os.getpid()}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as fh:
        fh.write(json.dumps({"admin_url": admin_url, "nats_url": nats_url, "pid": os.getpid()}))
    tmp.chmod(0o600)
    os.replace(tmp, path)


def read_stack_file(data_dir: Path) -> dict[str, str] | None:
    path = data_dir / "stack.json"
    if not path.exists():
        return None
    return json.loads(path.read_text())  # type: ignore[no-any-return]
