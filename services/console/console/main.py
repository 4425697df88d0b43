"""The console's app: its pages under ``/console/``, its static files, its sessions in its own
schema, and the four services reached with each person's own token."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta

import httpx
from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from sqlalchemy.ext.asyncio import create_async_engine

from aftersales.clock import SYSTEM_CLOCK, Clock
from aftersales.database import async_url
from aftersales.http.middleware import RequestContextMiddleware
from aftersales.tracing import configure_tracing
from console.adapters.oidc import OidcClient, StateStore
from console.adapters.services import Services
from console.adapters.sessions import LinkStore, Sealed, SessionStore
from console.domain.problems import Problem
from console.domain.sessions import PREFIX, session_key_from
from console.pages import agent, board, finance, point, point_records, signin
from console.pages.common import (
    CsrfRefused,
    SignInNeeded,
    back_to_sign_in,
    csrf_refused,
    problem_page,
)
from console.settings import ConsoleSettings
from console.web import SecurityHeaders


def create_app(
    settings: ConsoleSettings | None = None,
    *,
    clock: Clock = SYSTEM_CLOCK,
    transport: httpx.AsyncBaseTransport | None = None,
    idp_transport: httpx.AsyncBaseTransport | None = None,
) -> FastAPI:
    s = settings or ConsoleSettings()
    if not s.session_key:
        if s.environment == "production":
            raise RuntimeError("CONSOLE_SESSION_KEY is required in production.")
        s.session_key = session_key_from(s.database_url)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        engine = create_async_engine(async_url(s.database_url), pool_size=5, pool_pre_ping=True)
        sealed = Sealed(s.session_key)
        app.state.engine = engine
        app.state.sessions = SessionStore(engine, sealed, timedelta(minutes=s.idle_timeout_minutes))
        app.state.links = LinkStore(engine, sealed)
        app.state.oidc_states = StateStore(engine)
        try:
            yield
        finally:
            await app.state.services.aclose()
            await engine.dispose()

    app = FastAPI(
        title="aftersales console",
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
        openapi_url=None,
    )
    app.state.settings = s
    app.state.clock = clock
    app.state.oidc = OidcClient(s, transport=idp_transport)
    app.state.services = Services(
        s.service_urls(), timeout=s.service_timeout_seconds, transport=transport
    )
    app.add_middleware(SecurityHeaders)
    # Each click is a request span (its trace continues in the services it calls: the calls
    # carry its traceparent) with the request id, as the services' own requests are.
    app.add_middleware(RequestContextMiddleware, service="console")
    configure_tracing("console")
    app.add_exception_handler(SignInNeeded, back_to_sign_in)  # type: ignore[arg-type]
    app.add_exception_handler(CsrfRefused, csrf_refused)  # type: ignore[arg-type]
    app.add_exception_handler(Problem, problem_page)  # type: ignore[arg-type]
    app.include_router(signin.router)
    app.include_router(point.router)
    app.include_router(point_records.router)
    app.include_router(agent.router)
    app.include_router(finance.router)
    app.include_router(board.router)
    app.mount(f"{PREFIX}/static", StaticFiles(packages=[("console", "static")]), name="static")
    return app
