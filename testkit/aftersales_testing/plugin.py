"""pytest plugin (loaded with ``-p aftersales_testing.plugin``).

Session fixtures start embedded PostgreSQL and NATS exactly as `make run` does (or use
``DATABASE_URL`` / ``NATS_URL`` when set), create the roles and schemas, and build every schema by
running the services' Alembic migrations. ``clean_state`` empties every service table and every
stream so tests do not see each other's data. Nothing starts unless a test asks for it.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import sys
import threading
import warnings
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import Any

import asyncpg
import nats
import pytest
import pytest_asyncio
from nats.js.errors import NotFoundError

from aftersales.bootstrap import service_url
from aftersales.clock import SYSTEM_CLOCK, Clock
from aftersales.messaging.streams import PRODUCERS, stream_name
from aftersales.registry import SERVICE_NAMES, service
from aftersales.settings import ServiceSettings
from aftersales_dev.devstack.nats import EmbeddedNats
from aftersales_dev.devstack.ports import free_port
from aftersales_dev.devstack.stack import (
    DATABASE,
    Infrastructure,
    application_dsn,
    prepare_database,
)
from aftersales_testing.apps import RunningService, running
from aftersales_testing.stack import ProcessStack

warnings.filterwarnings("ignore", message="XDG_RUNTIME_DIR")

TEST_JWT_SECRET = "test-secret-" + "x" * 32


@pytest.fixture(scope="session")
def infrastructure(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Infrastructure]:
    data_dir = tmp_path_factory.mktemp("stack")
    infra = Infrastructure(
        data_dir=data_dir,
        pg_port=free_port(),
        nats_port=free_port(),
        database_url=os.environ.get("DATABASE_URL") or None,
        nats_url=os.environ.get("NATS_URL") or None,
    )
    infra.start()
    try:
        yield infra
    finally:
        infra.stop()


@pytest.fixture(scope="session")
async def service_urls(infrastructure: Infrastructure) -> dict[str, str]:
    """Each service's own database URL, after bootstrap and migrations."""
    return await prepare_database(infrastructure.admin_url, DATABASE)


@pytest.fixture(scope="session")
def admin_dsn(infrastructure: Infrastructure, service_urls: dict[str, str]) -> str:
    """Superuser DSN on the application database, for assertions that look across schemas."""
    return application_dsn(infrastructure.admin_url)


async def _truncate_all(dsn: str) -> None:
    conn = await asyncpg.connect(dsn)
    try:
        rows = await conn.fetch(
            "SELECT schemaname, tablename FROM pg_tables WHERE schemaname = ANY($1::text[])"
            " AND tablename <> 'alembic_version'",
            list(SERVICE_NAMES),
        )
        if rows:
            names = ", ".join(f'"{r["schemaname"]}"."{r["tablename"]}"' for r in rows)
            await conn.execute(f"TRUNCATE {names} RESTART IDENTITY CASCADE")
    finally:
        await conn.close()


async def delete_streams(nats_url: str) -> None:
    nc = await nats.connect(nats_url, connect_timeout=5, max_reconnect_attempts=3)
    try:
        js = nc.jetstream()
        for producer in PRODUCERS:
            with contextlib.suppress(NotFoundError):
                await js.delete_stream(stream_name(producer))
    finally:
        await nc.close()


@pytest.fixture
async def clean_state(admin_dsn: str, infrastructure: Infrastructure) -> None:
    await _truncate_all(admin_dsn)
    await delete_streams(infrastructure.broker_url)


SettingsFactory = Callable[..., ServiceSettings]


def make_settings(
    name: str, *, database_url: str, nats_url: str, **overrides: Any
) -> ServiceSettings:
    settings_cls = service(name).definition().settings_cls
    values: dict[str, Any] = {
        "database_url": database_url,
        "nats_url": nats_url,
        "environment": "test",
        "jwt_secret": TEST_JWT_SECRET,
        "jwt_algorithms": ["HS256"],
        "log_level": "WARNING",
        "rate_limit_enabled": False,
        "outbox_poll_seconds": 0.2,
        "consumer_backoff_seconds": [0.2, 0.5, 1.0],
        "consumer_watchdog_seconds": 2.0,
        "consumer_ack_wait_seconds": 10,
    }
    values.update(overrides)
    return settings_cls(**values)


@pytest.fixture
def settings_for(infrastructure: Infrastructure, service_urls: dict[str, str]) -> SettingsFactory:
    """``settings_for("intake", nats_url=..., consumer_max_deliver=3)``."""

    def build(name: str, **overrides: Any) -> ServiceSettings:
        overrides.setdefault("nats_url", infrastructure.broker_url)
        if infrastructure.credentials is not None:
            # Each service connects as itself, exactly as under `make run`.
            overrides.setdefault(
                "nats_nkey_seed_file", str(infrastructure.credentials.seed_file(name))
            )
        return make_settings(name, database_url=service_urls[name], **overrides)

    return build


@pytest.fixture
def start_service(
    settings_for: SettingsFactory, clean_state: None
) -> Callable[..., contextlib.AbstractAsyncContextManager[RunningService]]:
    """``async with start_service("intake") as intake: await intake.client.post(...)``;
    ``clock=SettableClock(...)`` hands the service a clock the test moves."""

    @contextlib.asynccontextmanager
    async def start(
        name: str, *, clock: Clock = SYSTEM_CLOCK, **overrides: Any
    ) -> AsyncIterator[RunningService]:
        app = service(name).definition()
        from aftersales.service import create_service_app

        settings = settings_for(name, **overrides)
        async with running(name, create_service_app(app, settings, clock=clock)) as svc:
            yield svc

    return start


@pytest.fixture(scope="module")
def process_stack_env() -> dict[str, str]:
    """Extra environment for a module's process stack; a module overrides this fixture to run
    the services with its own settings (short SLA clocks, say)."""
    return {}


@pytest.fixture(scope="module")
def process_stack_console() -> bool:
    """Whether a module's process stack runs the console too (the browser stories' does)."""
    return False


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def process_stack(
    infrastructure: Infrastructure,
    service_urls: dict[str, str],
    admin_dsn: str,
    tmp_path_factory: pytest.TempPathFactory,
    process_stack_env: dict[str, str],
    process_stack_console: bool,
) -> AsyncIterator[ProcessStack]:
    """The four services as processes (as ``make run`` runs them) on empty tables, shared by
    the tests of one module; their logs go to the module's temporary directory."""
    await _truncate_all(admin_dsn)
    await delete_streams(infrastructure.broker_url)
    stack = ProcessStack(
        service_urls,
        infrastructure.broker_url,
        TEST_JWT_SECRET,
        tmp_path_factory.mktemp("stack"),
        env=process_stack_env,
        credentials=infrastructure.credentials,
        console=process_stack_console,
    )
    await asyncio.to_thread(stack.start)
    try:
        yield stack
    finally:
        await asyncio.to_thread(stack.stop)


@pytest.fixture
def private_nats(tmp_path: Path, infrastructure: Infrastructure) -> Iterator[EmbeddedNats]:
    """A NATS server of the test's own, which the test may stop, kill and restart; it knows
    the same identities as the session's broker."""
    server = EmbeddedNats(tmp_path / "nats", free_port(), credentials=infrastructure.credentials)
    server.start()
    try:
        yield server
    finally:
        server.kill()


@pytest.fixture
def service_url_for(infrastructure: Infrastructure) -> Callable[[str], str]:
    return lambda name: service_url(infrastructure.admin_url, name, DATABASE)


_loops: list[asyncio.AbstractEventLoop] = []


@pytest.fixture(scope="session", autouse=True)
async def _remember_event_loop() -> None:
    """Keep the session loop so a timeout can show what every task was waiting for."""
    _loops.append(asyncio.get_running_loop())


def _dump_tasks() -> None:
    for loop in _loops:
        tasks = asyncio.all_tasks(loop)
        print(f"\n~~~~ {len(tasks)} asyncio tasks at timeout ~~~~", file=sys.stderr)
        for task in tasks:
            print(f"-- {task.get_name()}: {task.get_coro()!r}", file=sys.stderr)
            task.print_stack(limit=12, file=sys.stderr)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    """Shortly before pytest-timeout ends a hung test, print the asyncio tasks' stacks."""
    seconds = float(item.config.getini("timeout") or 0)
    marker = item.get_closest_marker("timeout")
    if marker and marker.args:
        seconds = float(marker.args[0])
    timer = threading.Timer(max(seconds - 5, 1), _dump_tasks) if seconds else None
    if timer is not None:
        timer.daemon = True
        timer.start()
    try:
        yield
    finally:
        if timer is not None:
            timer.cancel()
