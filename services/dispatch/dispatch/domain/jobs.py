"""Jobs: one visit's worth of work on a ticket (a ticket may get several: rework)."""

from __future__ import annotations

from aftersales.events.dispatch import JobStatus

__all__ = ["JobStatus", "unrouted_reason"]


def unrouted_reason(region: str, category: str) -> str:
    return f"no network point serves region {region} for category {category}"
