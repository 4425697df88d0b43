"""What a service is made of, and the app factory that assembles it.

The lifespan creates everything with I/O (engine, NATS link, relay, consumers) and keeps it on
``app.state``; nothing is created at import time.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from fastapi import APIRouter, FastAPI
from sqlalchemy import MetaData

from aftersales import housekeeping, tracing
from aftersales.audit import router as audit_router
from aftersales.auth import JWTAuthenticator
from aftersales.clock import SYSTEM_CLOCK, Clock
from aftersales.database import Database
from aftersales.http.health import router as health_router
from aftersales.http.middleware import BodyLimitMiddleware, RequestContextMiddleware
from aftersales.http.openapi import document_problems, install_api_docs
from aftersales.http.problems import install_problem_handlers
from aftersales.http.ratelimit import RateLimiter, RateLimitMiddleware, default_limits
from aftersales.logging import configure_logging, get_logger
from aftersales.messaging.consumer import (
    ConsumerRunner,
    ConsumerSettings,
    Subscription,
    consumer_name,
)
from aftersales.messaging.identity import inbox_prefix
from aftersales.messaging.link import NatsLink
from aftersales.messaging.outbox import OutboxRelay
from aftersales.observe import observe
from aftersales.policies import bootstrap as bootstrap_policies
from aftersales.policies import policies_of
from aftersales.policies.routes import policies_router
from aftersales.settings import ServiceSettings

log = get_logger(__name__)

BackgroundJob = Callable[[FastAPI], Awaitable[None]]
# One-off operator task: run against the service's database, with its policy.
Backfill = Callable[[Database, Any], Awaitable[int]]
# The service's configurable rules, made once from its settings and handed to whatever applies
# them: routes (a dependency), consumers (bound into their handlers), background loops
# (``app.state.policy``). Nothing reads settings from the unit of work.
PolicyFactory = Callable[[Any], Any]
Subscriptions = Sequence[Subscription] | Callable[[Any], Sequence[Subscription]]


def _no_policy(settings: Any) -> None:
    return None


@dataclass(frozen=True)
class ServiceDefinition:
    name: str
    title: str
    description: str
    metadata: MetaData
    settings_cls: type[ServiceSettings]
    routers: Sequence[APIRouter] = ()
    # What it consumes: a sequence, or a function of the policy (handlers bound to it).
    subscriptions: Subscriptions = ()
    background: Sequence[BackgroundJob] = field(default_factory=tuple)
    # One-off operator tasks (``aftersales backfill NAME``): name -> task(db, policy) -> how many.
    backfills: Mapping[str, Backfill] = field(default_factory=dict)
    policy: PolicyFactory = _no_policy

    def __post_init__(self) -> None:
        # Every service serves its dated policies (aftersales.policies), as it does its audit
        # trail; they are among its routers so that the roles table and the origin see them.
        object.__setattr__(self, "routers", (*self.routers, policies_router(self.name)))

    @property
    def migrations_package(self) -> str:
        return f"{self.name}.migrations"

    def policy_for(self, settings: ServiceSettings | None = None) -> Any:
        """The service's rules as ``settings`` (by default, the environment's) configure them."""
        return self.policy(settings or self.settings_cls())

    def subscriptions_for(self, policy: Any) -> Sequence[Subscription]:
        if callable(self.subscriptions):
            return self.subscriptions(policy)
        return self.subscriptions

    def handlers_by_consumer(self, policy: Any) -> dict[str, Any]:
        return {consumer_name(self.name, s): s.handlers for s in self.subscriptions_for(policy)}


async def _supervised(name: str, job: Callable[[], Awaitable[None]]) -> None:
    """Keep a background loop alive: an unexpected crash is logged and the loop restarted."""
    while True:
        try:
            await job()
            return
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            log.exception("background.crashed", job=name, error=repr(exc))
            await asyncio.sleep(1)


def consumer_settings(settings: ServiceSettings) -> ConsumerSettings:
    return ConsumerSettings(
        batch=settings.consumer_batch,
        concurrency=settings.consumer_concurrency,
        max_deliver=settings.consumer_max_deliver,
        backoff_seconds=list(settings.consumer_backoff_seconds),
        ack_wait_seconds=settings.consumer_ack_wait_seconds,
        watchdog_seconds=settings.consumer_watchdog_seconds,
        stream_replicas=settings.stream_replicas,
    )


def create_service_app(
    definition: ServiceDefinition,
    settings: ServiceSettings | None = None,
    *,
    clock: Clock = SYSTEM_CLOCK,
) -> FastAPI:
    """The service's app; ``clock`` is the time everything in it reads (a test sets it)."""
    settings = settings or definition.settings_cls()
    policy = definition.policy(settings)

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        configure_logging(definition.name, settings.log_level, settings.log_json)
        tracing.configure_tracing(definition.name)
        db = Database(
            settings.database_url,
            definition.metadata,
            pool_size=settings.db_pool_size,
            lock_timeout_ms=settings.db_lock_timeout_ms,
            clock=clock,
        )
        link = NatsLink(
            settings.nats_url,
            name=f"aftersales-{definition.name}",
            nkey_seed_file=settings.nats_nkey_seed_file,
            creds_file=settings.nats_creds_file,
            inbox_prefix=inbox_prefix(definition.name),
            tls_ca_file=settings.nats_tls_ca_file,
        )
        await link.start()
        relay = OutboxRelay(
            db,
            link,
            service=definition.name,
            batch=settings.outbox_batch,
            poll_seconds=settings.outbox_poll_seconds,
            stream_replicas=settings.stream_replicas,
        )
        db.on_outbox_commit(relay.wake)
        runners = [
            ConsumerRunner(
                db,
                link,
                service=definition.name,
                subscription=sub,
                settings=consumer_settings(settings),
            )
            for sub in definition.subscriptions_for(policy)
        ]
        app.state.db = db
        app.state.clock = clock
        app.state.rate_limiter = RateLimiter(db)
        app.state.link = link
        app.state.relay = relay
        app.state.runners = runners
        await _record_policies(definition, settings, db, clock)
        tasks: list[asyncio.Task[None]] = []
        if settings.run_background:
            jobs: list[tuple[str, Callable[[], Awaitable[None]]]] = [("outbox-relay", relay.run)]
            jobs += [(f"consumer-{r.consumer_name}", r.run) for r in runners]
            jobs.append(("housekeeping", _bind(housekeeping_hourly, app)))
            jobs.append(("observe", _bind(observe, app)))
            jobs += [(getattr(b, "__name__", "job"), _bind(b, app)) for b in definition.background]
            tasks = [asyncio.create_task(_supervised(n, j), name=n) for n, j in jobs]
        log.info("service.started", service=definition.name)
        try:
            yield
        finally:
            for task in tasks:
                task.cancel()
            if tasks:
                _, stuck = await asyncio.wait(tasks, timeout=10)
                for task in stuck:
                    log.error("service.task_did_not_stop", task=task.get_name())
            await link.close()
            await db.dispose()
            tracing.shutdown()
            log.info("service.stopped", service=definition.name)

    app = FastAPI(
        title=f"aftersales {definition.title}",
        description=definition.description,
        version="1.0.0",
        lifespan=lifespan,
        # Operation ids are the handlers' names (create_ticket, not create_ticket_v1_tickets_post):
        # what the generated client's functions are called.
        generate_unique_id_function=lambda route: route.name,
        # FastAPI's pages load Swagger UI and ReDoc from a CDN: the kit serves its own copies.
        docs_url=None,
        redoc_url=None,
        swagger_ui_oauth2_redirect_url=None,
    )
    app.state.settings = settings
    app.state.policy = policy
    app.state.definition = definition
    app.state.authenticator = JWTAuthenticator(settings)
    install_problem_handlers(app)
    document_problems(app)
    install_api_docs(app)
    app.add_middleware(BodyLimitMiddleware, max_bytes=settings.max_body_bytes)
    if settings.rate_limit_enabled:
        app.add_middleware(
            RateLimitMiddleware,
            limits={**default_limits(), **settings.rate_limits},
            trusted_proxies=settings.trusted_proxies,
        )
    app.add_middleware(RequestContextMiddleware, service=definition.name)
    app.include_router(health_router)
    app.include_router(audit_router)
    for router in definition.routers:
        app.include_router(router)
    return app


async def _record_policies(
    definition: ServiceDefinition, settings: ServiceSettings, db: Database, clock: Clock
) -> None:
    """The environment's values become version 1 of the service's policies at the first start;
    later, a different environment value is logged and ignored (docs/policies.md)."""
    specs = policies_of(definition.name)
    if not specs:
        return
    try:
        await bootstrap_policies(db, specs, settings, now=clock.now())
    except Exception as exc:
        # Decisions fall back to the environment's values until the tables exist (migrate).
        log.error("policy.bootstrap_failed", service=definition.name, error=repr(exc))


async def housekeeping_hourly(app: FastAPI) -> None:
    """Retention of the outbox, inbox and idempotency keys (see ``aftersales.housekeeping``)."""
    while True:
        try:
            purged = await housekeeping.purge(
                app.state.db, outbox_retention_days=app.state.settings.outbox_retention_days
            )
            log.info("housekeeping.purged", **purged.__dict__)
        except Exception as exc:
            log.warning("housekeeping.failed", error=repr(exc))
        await asyncio.sleep(3600)


def _bind(job: BackgroundJob, app: FastAPI) -> Callable[[], Awaitable[None]]:
    async def run() -> None:
        await job(app)

    return run
