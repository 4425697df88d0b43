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


async def handled(service: RunningService, event_id: Any, *, timeout: float = 20) -> None:
    """The barrier after publishing an event: it is in ``service``'s inbox, so its handler's
    transaction has committed (whatever it did, or chose not to do)."""
    from sqlalchemy import select

    inbox = service.db.platform.inbox

    async def found() -> Any:
        async with service.db.uow() as uow:
            return await uow.session.scalar(
                select(inbox.c.event_id).where(inbox.c.event_id == event_id)
            )

    await eventually(found, timeout=timeout)
