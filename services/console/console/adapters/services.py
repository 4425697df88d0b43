"""The four services, called with the signed-in person's own token through the generated
client's requests (``aftersales_client``). The console holds no right of its own: what the
token may not see, the service refuses, and the console shows that refusal.

Every answer is read as JSON; a problem (an RFC 9457 answer, or a service not answering
within the timeout) is raised as :class:`Problem` naming the service, so a page can show which
part is unavailable and go on with the rest."""

from __future__ import annotations

import sys
from collections.abc import Awaitable, Callable
from typing import Any

import httpx
import orjson

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
        self.urls = urls
        # One client and one pool of kept-alive connections for every call.
        self.http = httpx.AsyncClient(
            transport=transport
            or httpx.AsyncHTTPTransport(
                limits=httpx.Limits(max_connections=64, keepalive_expiry=2)
            ),
            timeout=httpx.Timeout(timeout),
        )

    async def aclose(self) -> None:
        await self.http.aclose()

    async def call(
        self,
        service: str,
        token: str,
        operation: Callable[..., Awaitable[Any]],
        *args: Any,
        headers: dict[str, str] | None = None,
        **kwargs: Any,
    ) -> Any:
        """One generated operation (named by its ``asyncio_detailed``); the answer's JSON.

        The request is the generated client's own (its module's ``_get_kwargs``: the path, the
        query and the body as the OpenAPI document says), sent on the shared pool; the answer
        is read once as plain JSON for the templates, not also into the client's models (on
        the board that parse cost more than the page's rendering). The call carries the
        click's trace (``traceparent``) and request id, so the service's spans and log lines
        join the console's."""
        request = sys.modules[operation.__module__]._get_kwargs(*args, **kwargs)
        context = {"traceparent": traceparent_var.get(), "x-request-id": request_id_var.get()}
        sent = (
            {k: v for k, v in context.items() if v}
            | {"Authorization": f"Bearer {token}"}
            | request.pop("headers", {})
            | (headers or {})
        )
        url = self.urls[service].rstrip("/") + request.pop("url")
        try:
            response = await self.http.request(request.pop("method"), url, headers=sent, **request)
        except (httpx.TransportError, httpx.TimeoutException) as exc:
            raise Problem(service, 0, f"{service} did not answer ({type(exc).__name__}).") from exc
        return answer(service, response.status_code, response.content, response.headers)


def answer(service: str, status: int, content: bytes, headers: Any) -> Any:
    try:
        body = orjson.loads(content) if content else None
    except orjson.JSONDecodeError:
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
