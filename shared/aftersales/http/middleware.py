"""Pure ASGI middleware: request context (id, trace, metrics) and the request body limit."""

from __future__ import annotations

import secrets
import time
import uuid
from typing import Any

from fastapi import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from aftersales import tracing
from aftersales.http.problems import problem
from aftersales.logging import request_id_var, traceparent_var
from aftersales.metrics import HTTP_LATENCY, HTTP_REQUESTS


def new_traceparent() -> str:
    return f"00-{secrets.token_hex(16)}-{secrets.token_hex(8)}-01"


def child_traceparent(parent: str | None) -> str:
    """Keep the caller's trace id, start a new span (W3C trace context)."""
    if parent:
        parts = parent.split("-")
        if len(parts) == 4 and len(parts[1]) == 32:
            return f"00-{parts[1]}-{secrets.token_hex(8)}-{parts[3]}"
    return new_traceparent()


class RequestContextMiddleware:
    def __init__(self, app: ASGIApp, service: str) -> None:
        self.app = app
        self.service = service

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        rid = headers.get("x-request-id") or str(uuid.uuid4())
        rid = rid[:128]
        request_id_var.set(rid)
        traceparent_var.set(child_traceparent(headers.get("traceparent")))
        status_holder: dict[str, Any] = {"status": 500}
        api = str(scope.get("path", "")).startswith("/v1/")
        started = time.perf_counter()

        async def send_wrapper(message: Message) -> None:
            if message["type"] == "http.response.start":
                status_holder["status"] = message["status"]
                existing = list(message.get("headers", []))
                if not any(k.lower() == b"x-request-id" for k, _ in existing):
                    existing.append((b"x-request-id", rid.encode("latin-1")))
                # The API's answers carry customers' names, phones and addresses: no shared or
                # browser cache may keep them.
                if api and not any(k.lower() == b"cache-control" for k, _ in existing):
                    existing.append((b"cache-control", b"no-store"))
                message["headers"] = existing
            await send(message)

        method = scope.get("method", "")
        with tracing.span(
            f"{method} {scope.get('path', '')}",
            kind=tracing.SERVER,
            parent=headers.get("traceparent"),
            attributes={"aftersales.service": self.service, "http.request.method": method},
        ) as span:
            try:
                await self.app(scope, receive, send_wrapper)
            finally:
                route = scope.get("route")
                template = getattr(route, "path", None) or "unmatched"
                status = status_holder["status"]
                HTTP_REQUESTS.labels(self.service, method, template, str(status)).inc()
                HTTP_LATENCY.labels(self.service, method, template).observe(
                    time.perf_counter() - started
                )
                if span is not None:
                    span.update_name(f"{method} {template}")
                    span.set_attribute("http.route", template)
                    span.set_attribute("http.response.status_code", status)


class BodyTooLarge(HTTPException):
    """An HTTPException so that FastAPI's body parsing re-raises it instead of answering 400."""

    def __init__(self, max_bytes: int) -> None:
        super().__init__(413, f"The request body exceeds the limit of {max_bytes} bytes.")


class BodyLimitMiddleware:
    """413 for bodies over the limit, by Content-Length or while streaming a chunked body."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if b"%00" in scope.get("query_string", b"") or "\x00" in scope.get("path", ""):
            # PostgreSQL text cannot hold NUL: refuse it here rather than fail in the database.
            response = problem(
                400,
                "NUL characters are not accepted in paths or query strings.",
                instance=scope.get("path", "").replace("\x00", ""),
            )
            await response(scope, receive, send)
            return
        for key, value in scope["headers"]:
            if key == b"content-length":
                try:
                    too_large = int(value) > self.max_bytes
                except ValueError:
                    too_large = False
                if too_large:
                    await self._reject(scope, receive, send)
                    return
        received = 0
        response_started = False

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise BodyTooLarge(self.max_bytes)
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal response_started
            if message["type"] == "http.response.start":
                response_started = True
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except BodyTooLarge:
            if not response_started:
                await self._reject(scope, receive, send)

    async def _reject(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = problem(
            413,
            f"The request body exceeds the limit of {self.max_bytes} bytes.",
            instance=scope.get("path"),
            max_bytes=self.max_bytes,
        )
        await response(scope, receive, send)
