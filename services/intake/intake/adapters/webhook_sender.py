"""The outbound HTTP call of a webhook delivery, with its safety checks."""

from __future__ import annotations

import asyncio
import socket
from dataclasses import dataclass

import httpx

from intake.domain.webhooks import check_url, is_private


@dataclass(frozen=True)
class Outcome:
    status_code: int | None
    error: str | None

    @property
    def delivered(self) -> bool:
        return self.status_code is not None and 200 <= self.status_code < 300


async def resolve(host: str) -> list[str]:
    loop = asyncio.get_running_loop()
    infos = await loop.getaddrinfo(host, None, type=socket.SOCK_STREAM)
    return sorted({str(info[4][0]) for info in infos})


async def private_address_of(url: str) -> str | None:
    """The first private/loopback address the URL's host resolves to, if any."""
    for address in await resolve(check_url(url)):
        if is_private(address):
            return address
    return None


async def post(
    client: httpx.AsyncClient,
    url: str,
    headers: dict[str, str],
    body: bytes,
    *,
    allow_private: bool,
) -> Outcome:
    try:
        if not allow_private and (address := await private_address_of(url)) is not None:
            return Outcome(None, f"refused: {url} resolves to the private address {address}")
        response = await client.post(url, content=body, headers=headers)
    except (httpx.HTTPError, OSError) as exc:
        return Outcome(None, f"{type(exc).__name__}: {exc}"[:500])
    return Outcome(response.status_code, None if response.is_success else response.text[:500])
