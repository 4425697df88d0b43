"""What a service's answer means to the person at the screen: each kind of problem the
console shows as a page or beside a form (never a crash)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Problem(Exception):
    """A service's RFC 9457 problem, or the service not answering."""

    service: str
    status: int
    detail: str = ""
    body: dict[str, Any] = field(default_factory=dict)
    retry_after: int | None = None

    @property
    def kind(self) -> str:
        if self.status == 0:
            return "unavailable"
        return {
            401: "signed_out",
            403: "forbidden",
            404: "not_found",
            409: "conflict",
            412: "stale",
            422: "invalid",
            429: "busy",
        }.get(self.status, "unavailable" if self.status >= 500 else "invalid")
