"""The four services, called with the signed-in person's own token through the generated
client (``aftersales_client``). The console holds no right of its own: what the token may not
see, the service refuses, and the console shows that refusal.

Every answer is read as JSON; a problem (an RFC 9457 answer, or a service not answering
within the timeout) is raised as :class:`Problem` naming the service, so a page can show which
part is unavailable and go on with the rest."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from typing import Any

import httpx
from aftersales_client import AuthenticatedClient

from aftersales.logging import request_id_var, traceparent_var
from console.domain.problems import Problem


class Services:
    def __init__(
        self,
        urls: dict[str, str],
        *,
        timeout: float,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.urls, self.timeout = urls, timeout
        # One pool of kept-alive connections for every call (the generated client makes an
        # httpx client per call; its transport, and so its connections, are shared).
        self.transport = transport or httpx.AsyncHTTPTransport(
            limits=httpx.Limits(max_connections=64, keepalive_expiry=2)
        )

    async def aclose(self) -> None:
        await self.transport.aclose()

    def client(
        self, service: str, token: str, headers: dict[str, str] | None = None
    ) -> AuthenticatedClient:
        args: dict[str, Any] = {"transport": _Kept(self.transport)}
        return AuthenticatedClient(
            base_url=self.urls[service],
            token=token,
            timeout=httpx.Timeout(self.timeout),
            headers=headers or {},
            httpx_args=args,
        )

    async def call(
        self,
        service: str,
        token: str,
        operation: Callable[..., Awaitable[Any]],
        *args: Any,
        headers: dict[str, str] | None = None,
        **kwargs: Any,
    ) -> Any:
        """One generated operation (its ``asyncio_detailed``); the answer's JSON. The call
        carries the click's trace (``traceparent``) and request id, so the service's spans and
        log lines join the console's."""
        context = {"traceparent": traceparent_var.get(), "x-request-id": request_id_var.get()}
        sent = {k: v for k, v in context.items() if v} | (headers or {})
        client = self.client(service, token, sent)
        try:
            response = await operation(*args, client=client, **kwargs)
        except (httpx.TransportError, httpx.TimeoutException) as exc:
            raise Problem(service, 0, f"{service} did not answer ({type(exc).__name__}).") from exc
        return answer(service, response.status_code, response.content, response.headers)


class _Kept(httpx.AsyncBaseTransport):
    """The shared transport, lent to one call's client: closing that client leaves it open."""

    def __init__(self, inner: httpx.AsyncBaseTransport) -> None:
        self.inner = inner

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return await self.inner.handle_async_request(request)

    async def aclose(self) -> None:
        return None


def answer(service: str, status: int, content: bytes, headers: Any) -> Any:
    try:
        body = json.loads(content) if content else None
    except ValueError:
        body = None
    if status < 400:
        return body
    problem = body if isinstance(body, dict) else {}
    retry = headers.get("retry-after") if headers is not None else None
    raise Problem(
        service,
        status,
        str(problem.get("detail") or problem.get("title") or ""),
        body=problem,
        retry_after=int(retry) if retry and str(retry).isdigit() else None,
    )
