"""Jobs: one visit's worth of work on a ticket (a ticket may get several: rework)."""

from __future__ import annotations

from typing import Literal

JobStatus = Literal[
    "unrouted",
    "offered",
    "accepted",
    "scheduled",
    "en_route",
    "on_site",
    "in_workshop",
    "repaired",
    "inspected",
    "completed",
    "cancelled",
]


def unrouted_reason(region: str, category: str) -> str:
    return f"no network point serves region {region} for category {category}"
