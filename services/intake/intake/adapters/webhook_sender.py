"""The outbound HTTP call of a webhook delivery, through the kit's egress rules."""

from __future__ import annotations

from dataclasses import dataclass

import httpx

from aftersales.http.egress import EgressPolicy, EgressRefused, post_pinned


@dataclass(frozen=True)
class Outcome:
    status_code: int | None
    error: str | None

    @property
    def delivered(self) -> bool:
        return self.status_code is not None and 200 <= self.status_code < 300


async def post(
    client: httpx.AsyncClient,
    url: str,
    headers: dict[str, str],
    body: bytes,
    *,
    policy: EgressPolicy,
) -> Outcome:
    """Send one delivery. The receiver's answer is kept as its status and reason phrase only:
    its body is someone else's data and is never stored or shown."""
    try:
        response = await post_pinned(client, url, content=body, headers=headers, policy=policy)
    except EgressRefused as exc:
        return Outcome(None, f"refused: {exc}"[:500])
    except (httpx.HTTPError, OSError) as exc:
        return Outcome(None, f"{type(exc).__name__}: {exc}"[:500])
    if response.is_success:
        return Outcome(response.status_code, None)
    return Outcome(response.status_code, f"HTTP {response.status_code} {response.reason_phrase}")
