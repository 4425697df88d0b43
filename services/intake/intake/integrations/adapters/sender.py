"""The outbound HTTP call of a webhook delivery, through the kit's egress rules."""

from __future__ import annotations

from dataclasses import dataclass

import httpx

from aftersales.http.egress import (
    MAX_ANSWER_BYTES,
    DeadlineExceeded,
    EgressPolicy,
    EgressRefused,
    post_within,
)


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
    deadline: float,
    max_answer_bytes: int = MAX_ANSWER_BYTES,
) -> Outcome:
    """Send one delivery, done within ``deadline`` seconds all told (the name's resolution and
    the connection included). The receiver's answer is kept as its status and reason phrase
    only: at most ``max_answer_bytes`` of its body are read, and none of it is stored or shown
    (it is someone else's data)."""
    try:
        answer = await post_within(
            client,
            url,
            content=body,
            headers=headers,
            deadline=deadline,
            policy=policy,
            max_answer_bytes=max_answer_bytes,
        )
    except DeadlineExceeded as exc:
        return Outcome(None, str(exc))
    except EgressRefused as exc:
        return Outcome(None, f"refused: {exc}"[:500])
    except (httpx.HTTPError, OSError) as exc:
        return Outcome(None, f"{type(exc).__name__}: {exc}"[:500])
    if answer.is_success:
        return Outcome(answer.status_code, None)
    return Outcome(answer.status_code, f"HTTP {answer.status_code} {answer.reason_phrase}")
