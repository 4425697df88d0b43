"""The keys of billing's advisory locks (a month, a ticket)."""

from __future__ import annotations

import hashlib


def lock_key(kind: str, value: object) -> int:
    """The advisory-lock key of one billing thing (a month, a ticket)."""
    digest = hashlib.sha256(f"billing-{kind}:{value}".encode()).digest()
    return int.from_bytes(digest[:8], "big", signed=True)
