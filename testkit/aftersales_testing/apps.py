"""Run service apps in-process against the real servers, with an HTTP client."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from fastapi import FastAPI

from aftersales.auth import JWTAuthenticator
from aftersales.database import Database
from aftersales.events import Envelope


@dataclass
class RunningService:
    name: str
    app: FastAPI
    client: httpx.AsyncClient

    @property
    def db(self) -> Database:
        return self.app.state.db  # type: ignore[no-any-return]

    def token(self, role: str = "admin", **scope: Any) -> str:
        authenticator: JWTAuthenticator = self.app.state.authenticator
        return authenticator.issue(role=role, **scope)

    def auth(self, role: str = "admin", **scope: Any) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token(role, **scope)}"}


@contextlib.asynccontextmanager
async def running(name: str, app: FastAPI) -> AsyncIterator[RunningService]:
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url=f"http://{name}") as client:
            yield RunningService(name, app, client)


async def eventually(
    check: Callable[[], Awaitable[Any]], *, timeout: float = 20, interval: float = 0.1
) -> Any:
    """Poll ``check`` until it returns something truthy; the last value or AssertionError."""
    deadline = time.monotonic() + timeout
    last: Any = None
    while time.monotonic() < deadline:
        last = await check()
        if last:
            return last
        await asyncio.sleep(interval)
    raise AssertionError(f"condition not met within {timeout}s (last value: {last!r})")


async def handled(service: RunningService, event: Envelope[Any], *, timeout: float = 20) -> None:
    """The barrier after publishing an event: it is in the inbox of every consumer of
    ``service`` that handles its type, or a version of it (a service may read one stream with
    two durables), so each handler's transaction has committed (whatever it did, or chose not
    to do). A consumer that may pass an event over without an inbox row (a relevance check)
    is waited on by its acks instead: everything published so far, acked only after the
    commit."""
    from sqlalchemy import func, select

    from aftersales.events import family_of

    inbox = service.db.platform.inbox
    family = family_of(event.type)[0]
    runners = [
        r
        for r in service.app.state.runners
        if any(family_of(s)[0] == family for s in r.subscription.handlers)
    ]
    assert runners, f"{service.name} does not consume {event.type}"
    consumers = [r.consumer_name for r in runners if not r.subscription.passes_over]
    filtered = [(r.subscription.stream, r.durable) for r in runners if r.subscription.passes_over]
    js = service.app.state.link.jetstream()

    async def found() -> Any:
        if not await consumers_idle(js, filtered):
            return False
        async with service.db.uow() as uow:
            seen = await uow.session.scalar(
                select(func.count()).where(
                    inbox.c.event_id == event.id, inbox.c.consumer.in_(consumers)
                )
            )
            return seen == len(consumers)

    await eventually(found, timeout=timeout)


STREAM_NOT_FOUND = 10059  # JetStream's error code, beside 10014 for a consumer not found


async def consumers_idle(js: Any, consumers: list[tuple[str, str]]) -> bool:
    """Whether every ``(stream, durable)`` consumer has acked everything published to its
    stream so far. A stream nobody has published to yet counts as idle."""
    from nats.js.errors import NotFoundError

    for stream, durable in consumers:
        try:
            info = await js.consumer_info(stream, durable)
        except NotFoundError as exc:
            if exc.err_code == STREAM_NOT_FOUND:
                continue  # no stream: nothing was ever published to it
            return False  # the stream exists and the consumer is not bound yet
        if info.num_pending or info.num_ack_pending:
            return False
    return True


async def unsent(service: RunningService) -> int:
    """How many events ``service``'s transactions have committed to its outbox that the relay
    has not yet marked sent. The relay marks a row sent only after JetStream acked its publish,
    in the transaction that claimed the row, so a row counted sent is in the stream."""
    from sqlalchemy import func, select

    outbox = service.db.platform.outbox
    async with service.db.uow() as uow:
        count = await uow.session.scalar(
            select(func.count()).select_from(outbox).where(outbox.c.sent_at.is_(None))
        )
    return int(count or 0)


async def published(service: RunningService, *, timeout: float = 20) -> None:
    """The barrier before reading ``service``'s stream: its outbox is empty, so every event
    committed before this call (by a request that has answered, or a handler whose effect the
    test has seen) is in the stream, acked by JetStream. It says nothing about work still to
    come: a message its consumers have not handled yet, a timer not yet due (:func:`drained`
    waits for the consumers too)."""

    async def empty() -> bool:
        return await unsent(service) == 0

    try:
        await eventually(empty, timeout=timeout)
    except AssertionError:
        left = await unsent(service)
        raise AssertionError(
            f"{service.name}'s outbox still holds {left} unsent event(s) after {timeout}s"
        ) from None


async def drained(service: RunningService, *, timeout: float = 20) -> None:
    """The barrier before asserting that nothing more happened: every consumer of ``service``
    has acked everything published to its stream so far (a consumer acks only after the
    transaction that handled a message committed), and its outbox has published every event.
    (A sentinel published last and seen handled would be weaker: a batch is handled in lanes
    side by side, so the sentinel's lane may commit before an earlier message's.)"""
    # The service may still be connecting to the broker (a slow start under load): wait for it,
    # rather than fail on a link not yet up.
    await service.app.state.link.wait_ready(timeout)
    js = service.app.state.link.jetstream()
    consumers = [(r.subscription.stream, r.durable) for r in service.app.state.runners]

    async def idle() -> bool:
        # The outbox first: once it is empty, every event committed so far is in the stream,
        # and consumers idle after that have handled them. The other order let the relay
        # publish between the two reads, and a consumer seen idle had not yet had the event.
        return await unsent(service) == 0 and await consumers_idle(js, consumers)

    await eventually(idle, timeout=timeout)


async def blocked_on_lock(conn: Any, *, relation: str | None = None, timeout: float = 20) -> None:
    """The barrier for "the other transaction is now waiting for my lock": a lock request not
    granted in ``pg_locks`` (on ``relation`` when given, else any, advisory locks included).
    ``conn`` is an asyncpg connection that does not hold the lock itself."""

    async def waiting() -> bool:
        if relation is None:
            query = "SELECT count(*) FROM pg_locks WHERE NOT granted"
            return bool(await conn.fetchval(query))
        query = "SELECT count(*) FROM pg_locks WHERE NOT granted AND relation = $1::regclass"
        return bool(await conn.fetchval(query, relation))

    await eventually(waiting, timeout=timeout)


class SettableClock:
    """A clock a test sets and moves: the service it is handed reads no other time. It never
    runs by itself; ``advance`` and ``set`` move it (backwards too, to check that a deadline
    never fires twice)."""

    def __init__(self, now: datetime | None = None) -> None:
        self._now = now or datetime.now(UTC)

    def now(self) -> datetime:
        return self._now

    def set(self, now: datetime) -> None:
        if now.tzinfo is None:
            raise ValueError("a clock keeps timezone-aware time")
        self._now = now

    def advance(self, by: timedelta) -> datetime:
        self._now += by
        return self._now
