"""Outbound webhooks, Standard Webhooks style: signing, target rules, retry schedule."""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
from collections.abc import Sequence
from datetime import datetime, timedelta

from aftersales.errors import Unprocessable

SECRET_PREFIX = "whsec_"
PATTERN = re.compile(r"^(?:[a-z0-9_]+|\*)(?:\.(?:[a-z0-9_]+|\*))*(?:\.>)?$|^>$")


def new_secret() -> str:
    return SECRET_PREFIX + base64.b64encode(secrets.token_bytes(32)).decode()


def sign(secret: str, msg_id: str, timestamp: int, body: bytes) -> str:
    """``v1,<base64 HMAC-SHA256>`` over ``{id}.{timestamp}.{body}`` (Standard Webhooks)."""
    key = base64.b64decode(secret.removeprefix(SECRET_PREFIX))
    content = f"{msg_id}.{timestamp}.".encode() + body
    digest = hmac.new(key, content, hashlib.sha256).digest()
    return "v1," + base64.b64encode(digest).decode()


def signature_header(secrets_: Sequence[str], msg_id: str, timestamp: int, body: bytes) -> str:
    """Space-separated signatures: during a rotation both the new and the old secret sign."""
    return " ".join(sign(s, msg_id, timestamp, body) for s in secrets_)


def signed_headers(
    secrets_: Sequence[str], msg_id: str, body: bytes, *, now: datetime
) -> dict[str, str]:
    """The headers of a signed JSON POST (Standard Webhooks), signed at ``now``: what webhook
    receivers and the customers' SMS gateway both verify."""
    timestamp = int(now.timestamp())
    return {
        "content-type": "application/json",
        "webhook-id": msg_id,
        "webhook-timestamp": str(timestamp),
        "webhook-signature": signature_header(secrets_, msg_id, timestamp, body),
    }


def verify(
    secret: str,
    headers: dict[str, str],
    body: bytes,
    *,
    now: int,
    tolerance: int = 300,
) -> bool:
    """What a receiver does at ``now`` (Unix seconds); used by our tests and documented for
    integrators."""
    msg_id, ts = headers["webhook-id"], int(headers["webhook-timestamp"])
    if abs(now - ts) > tolerance:
        return False
    expected = sign(secret, msg_id, ts, body)
    return any(hmac.compare_digest(expected, s) for s in headers["webhook-signature"].split())


def check_patterns(patterns: Sequence[str]) -> None:
    if not patterns:
        raise Unprocessable("events must name at least one subject pattern, e.g. intake.ticket.*")
    bad = [p for p in patterns if not PATTERN.match(p)]
    if bad:
        raise Unprocessable(
            f"Not a subject pattern: {bad}. Use tokens, '*' for one token, '>' for the rest."
        )


def next_attempt(attempts: int, schedule: Sequence[float], now: datetime) -> datetime | None:
    """After the ``attempts``-th failure, when to try again; None when the schedule is spent."""
    if attempts > len(schedule):
        return None
    return now + timedelta(seconds=schedule[attempts - 1])


def failing_too_long(
    failing_since: datetime | None, now: datetime, disable_after: timedelta
) -> bool:
    """A subscription whose receiver has not once accepted a delivery for ``disable_after``
    is switched off (its owner hears of it through its other subscriptions)."""
    return failing_since is not None and now - failing_since >= disable_after


def failing_reason(failing_since: datetime) -> str:
    return (
        f"the receiver accepted no delivery since {failing_since.isoformat(timespec='seconds')};"
        " fix it, then enable the subscription again"
    )
