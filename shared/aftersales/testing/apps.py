"""Run service apps in-process against the real servers, with an HTTP client."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import httpx
from fastapi import FastAPI

from aftersales.auth import JWTAuthenticator
from aftersales.db import Database
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
    ``service`` that handles its type (a service may read one stream with two durables), so
    each handler's transaction has committed (whatever it did, or chose not to do)."""
    from sqlalchemy import func, select

    inbox = service.db.platform.inbox
    consumers = [
        runner.consumer_name
        for runner in service.app.state.runners
        if event.type in runner.subscription.handlers
    ]
    assert consumers, f"{service.name} does not consume {event.type}"

    async def found() -> Any:
        async with service.db.uow() as uow:
            seen = await uow.session.scalar(
                select(func.count()).where(
                    inbox.c.event_id == event.id, inbox.c.consumer.in_(consumers)
                )
            )
            return seen == len(consumers)

    await eventually(found, timeout=timeout)
