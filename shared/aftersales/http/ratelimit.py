"""Rate limits per caller and per client address, shared by every replica of a service.

The algorithm is GCRA (the generic cell rate algorithm, as in ATM networks and redis-cell): a
bucket is one row holding its *theoretical arrival time*; a request is admitted when, after
adding one emission interval (1/rate), the TAT lies no further ahead of now than the burst
allows. Admitting and counting are one ``INSERT .. ON CONFLICT DO UPDATE .. WHERE`` in the
service's own PostgreSQL schema, so replicas share the counters and no new server is needed.

Buckets: a caller with a valid token by role, subject and scope, per route class (``writes``,
``reports``, ``reads``); a request without a valid token by its client address. An unlimited
role (``admin`` unless configured) costs no database round trip. Answers carry the IETF
httpapi draft's ``RateLimit-Policy`` and ``RateLimit`` fields; a refusal is a 429 problem with
``Retry-After``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import Float, bindparam, func, select, text
from starlette.datastructures import QueryParams
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from aftersales.auth import bearer_token
from aftersales.errors import Unauthorized
from aftersales.http.problems import problem
from aftersales.logging import get_logger
from aftersales.settings import Limit

log = get_logger(__name__)

UNAUTHENTICATED = "unauthenticated"


def default_limits() -> dict[str, Limit | None]:
    """Per role (``admin``: None, not limited); ``role:class`` keys override one class."""
    return {
        "admin": None,
        "finance": Limit(rate=20, burst=40),
        "agent": Limit(rate=20, burst=40),
        "crm": Limit(rate=50, burst=100),
        "app": Limit(rate=50, burst=100),
        "point": Limit(rate=10, burst=20),
        "technician": Limit(rate=10, burst=20),
        UNAUTHENTICATED: Limit(rate=20, burst=40),
    }


def route_class(method: str, path: str, query: str) -> str:
    """``query`` is the raw query string; it is parsed as the route will read it (percent
    decoding, the last of repeated values), so ``?note=format=csv`` is a read and
    ``?format=%63sv`` an export."""
    if method not in ("GET", "HEAD"):
        return "writes"
    if path.startswith("/v1/reports") or QueryParams(query).get("format") == "csv":
        return "reports"
    return "reads"


@dataclass(frozen=True)
class Decision:
    allowed: bool
    remaining: int
    reset_seconds: float
    retry_after: float


def decide_from_tat(tat_ahead: float, limit: Limit, *, admitted: bool) -> Decision:
    """Pure arithmetic on how far the bucket's TAT lies ahead of now (seconds)."""
    if admitted:
        remaining = max(0, math.floor((limit.window - tat_ahead) / limit.interval + 1e-6))
        return Decision(True, remaining, tat_ahead, 0.0)
    retry = max(0.0, tat_ahead + limit.interval - limit.window)
    return Decision(False, 0, tat_ahead, retry)


class RateLimiter:
    """One SQL statement per limited request (see the module docstring)."""

    def __init__(self, db: Any) -> None:
        self.db = db
        table = db.platform.rate_limits
        self._admit = text(
            f"""
            INSERT INTO {table.schema}.{table.name} AS b (key, tat)
            VALUES (:key, clock_timestamp() + :interval)
            ON CONFLICT (key) DO UPDATE
                SET tat = greatest(b.tat, clock_timestamp()) + :interval
                WHERE greatest(b.tat, clock_timestamp()) + :interval
                      <= clock_timestamp() + :window
            RETURNING extract(epoch FROM tat - clock_timestamp())::float8
            """
        ).bindparams(bindparam("interval"), bindparam("window"))
        self._ahead = select(
            func.extract("epoch", table.c.tat - func.clock_timestamp()).cast(Float)
        ).where(table.c.key == bindparam("key"))

    async def hit(self, key: str, limit: Limit) -> Decision:
        interval = timedelta(seconds=limit.interval)
        window = timedelta(seconds=limit.window)
        async with self.db.sessionmaker() as session, session.begin():
            ahead = (
                await session.execute(
                    self._admit, {"key": key, "interval": interval, "window": window}
                )
            ).scalar_one_or_none()
            if ahead is not None:
                return decide_from_tat(float(ahead), limit, admitted=True)
            current = (await session.execute(self._ahead, {"key": key})).scalar_one()
        return decide_from_tat(float(current), limit, admitted=False)


def _client_address(scope: Scope, trusted_proxies: int) -> str:
    """The caller's address: the peer, or (behind ``trusted_proxies`` proxies of our own)
    the address those proxies saw in ``X-Forwarded-For``."""
    if trusted_proxies > 0:
        for name, value in scope.get("headers", []):
            if name == b"x-forwarded-for":
                hops = [h.strip() for h in value.decode("latin-1").split(",") if h.strip()]
                if len(hops) >= trusted_proxies:
                    return hops[-trusted_proxies]
    client = scope.get("client")
    return str(client[0]) if client else "unknown"


class RateLimitMiddleware:
    def __init__(
        self,
        app: ASGIApp,
        *,
        limits: dict[str, Limit | None],
        trusted_proxies: int = 0,
    ) -> None:
        self.app = app
        self.limits = limits
        self.trusted_proxies = trusted_proxies

    def limit_for(self, role: str, klass: str) -> Limit | None:
        key = f"{role}:{klass}"
        return self.limits[key] if key in self.limits else self.limits.get(role)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = str(scope.get("path", ""))
        if scope["type"] != "http" or not path.startswith("/v1/"):
            await self.app(scope, receive, send)
            return
        app = scope["app"]
        query = scope.get("query_string", b"").decode("latin-1")  # as Starlette reads it
        klass = route_class(scope["method"], path, query)
        principal = None
        header = next((v for k, v in scope["headers"] if k == b"authorization"), b"")
        token = bearer_token(header.decode("latin-1"))
        if token is not None:
            try:
                principal = app.state.authenticator.decode(token)
            except Unauthorized:
                principal = None
        if principal is None:
            role = UNAUTHENTICATED
            key = f"addr|{_client_address(scope, self.trusted_proxies)}|{klass}"
        else:
            role = principal.role
            key = f"{principal.key}|{klass}"
            scope.setdefault("state", {})["principal"] = principal  # decoded once per request
        limit = self.limit_for(role, klass)
        if limit is None:
            await self.app(scope, receive, send)
            return
        try:
            decision = await app.state.rate_limiter.hit(key, limit)
        except Exception as exc:  # the database is away: the request will say so itself
            log.warning("ratelimit.unavailable", error=repr(exc))
            await self.app(scope, receive, send)
            return
        policy = f'"{klass}";q={limit.burst};w={math.ceil(limit.window)}'
        state = f'"{klass}";r={decision.remaining};t={math.ceil(decision.reset_seconds)}'
        fields = [(b"ratelimit-policy", policy.encode()), (b"ratelimit", state.encode())]
        if not decision.allowed:
            retry = max(1, math.ceil(decision.retry_after))
            response = problem(
                429,
                f"Too many requests for {role} {klass}: {limit.rate:g}/s with bursts of "
                f"{limit.burst}. Retry after {retry} s.",
                instance=path,
                headers={
                    "Retry-After": str(retry),
                    **{name.decode(): value.decode() for name, value in fields},
                },
            )
            await response(scope, receive, send)
            return

        async def send_with_fields(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *fields]
            await send(message)

        await self.app(scope, receive, send_with_fields)
