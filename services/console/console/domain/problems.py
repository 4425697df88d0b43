"""What a service's answer means to the person at the screen: each kind of problem the
console shows as a page or beside a form (never a crash)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
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
    def fields(self) -> list[dict[str, str]]:
        """A validation problem's fields (a 422's ``errors``): each one's name as the API
        knows it (``lines.0.qty``; the body's and the query's prefix left out), the kind of
        problem, and the service's own words."""
        found = []
        for error in self.body.get("errors") or []:
            if not isinstance(error, dict):
                continue
            where = [str(part) for part in error.get("loc") or []]
            if where and where[0] in ("body", "query", "path", "header"):
                where = where[1:]
            found.append(
                {
                    "field": ".".join(where),
                    "type": str(error.get("type") or ""),
                    "msg": str(error.get("msg") or ""),
                }
            )
        return found

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


def unreadable() -> Problem:
    """A form the console itself could not read (a time or a number), before any call."""
    return Problem("console", 422)


def changed_since(history: Any, seen: str | None) -> list[dict[str, Any]]:
    """After a stale edit (412): the entries of a resource's history (a job's history, a
    ticket's timeline: ``recorded_at``, else ``at``) recorded after ``seen``,
    the ``updated_at`` of the version the person's form was rendered from (both times are the
    owning service's, so no clock is compared with another). Nothing when there is no such
    time or the history is unavailable."""
    if not seen or not isinstance(history, dict):
        return []
    try:
        since = datetime.fromisoformat(seen)
    except ValueError:
        return []
    if since.tzinfo is None:
        return []
    changed = []
    for entry in history.get("entries") or []:
        try:
            recorded = datetime.fromisoformat(str(entry.get("recorded_at") or entry.get("at")))
        except ValueError:
            continue
        if recorded.tzinfo is not None and recorded > since:
            changed.append(entry)
    return changed
