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

from console.domain.problems import Problem


class Services:
    def __init__(
        self,
        urls: dict[str, str],
        *,
        timeout: float,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.urls, self.timeout, self.transport = urls, timeout, transport

    def client(
        self, service: str, token: str, headers: dict[str, str] | None = None
    ) -> AuthenticatedClient:
        args: dict[str, Any] = {"transport": self.transport} if self.transport else {}
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
        """One generated operation (its ``asyncio_detailed``); the answer's JSON."""
        client = self.client(service, token, headers)
        try:
            async with client as c:
                response = await operation(*args, client=c, **kwargs)
        except (httpx.TransportError, httpx.TimeoutException) as exc:
            raise Problem(service, 0, f"{service} did not answer ({type(exc).__name__}).") from exc
        return answer(service, response.status_code, response.content, response.headers)


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
