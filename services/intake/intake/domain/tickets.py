"""Tickets (service requests, 叫修): kinds, channels, numbers, response SLAs, preferred windows."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Literal, get_args

from aftersales.errors import Unprocessable

TicketKind = Literal[
    "install",
    "repair",
    "relocation",
    "maintenance",
    "consultation",
    "training",
    "complaint",
    "sample_test",
    "parts_order",
]
Channel = Literal["hotline", "crm", "app", "partner", "letter", "walk_in"]
# A ticket's channel as shown: a caller's, or ``contract`` for a planned maintenance visit that
# intake opened itself when billing said it was due.
TicketChannel = Literal["hotline", "crm", "app", "partner", "letter", "walk_in", "contract"]
TicketStatus = Literal[
    "open",
    "dispatched",
    "scheduled",
    "in_progress",
    "completed",
    "closed",
    "reopened",
    "cancelled",
    "resolved_remotely",
]
KINDS: tuple[str, ...] = get_args(TicketKind)
CHANNELS: tuple[str, ...] = get_args(Channel)

# Consultations, complaints and sample tests (the customer's sample is tested, the result given
# by phone) are handled by the information centre; the others need a visit.
VISIT_KINDS = frozenset({"install", "repair", "relocation", "maintenance", "training"})
MAX_WINDOW = timedelta(days=14)
MAX_ORDER_LINES = 50
MAX_ORDER_QTY = 1000


@dataclass(frozen=True)
class ResponsePolicy:
    """How long the centre has to answer a request (seed: 4 h; complaints 24 h)."""

    default_hours: float = 4
    complaint_hours: float = 24
    # Hours to finish, per kind (the catalogue may override them per category).
    complete_within_hours: Mapping[str, float] = field(default_factory=dict)

    def respond_by(self, kind: str, opened_at: datetime) -> datetime:
        hours = self.complaint_hours if kind == "complaint" else self.default_hours
        return opened_at + timedelta(hours=hours)


def needs_visit(kind: str) -> bool:
    return kind in VISIT_KINDS


def ticket_number(year: int, seq: int) -> str:
    return f"SR-{year}-{seq:07d}"


def check_preferred_window(start: datetime, end: datetime, now: datetime) -> None:
    if start.tzinfo is None or end.tzinfo is None:
        raise Unprocessable("preferred_window times must carry a timezone offset.")
    if start >= end:
        raise Unprocessable("preferred_window.start must be before preferred_window.end.")
    if end <= now:
        raise Unprocessable("preferred_window lies in the past.")
    if end - start > MAX_WINDOW:
        raise Unprocessable("preferred_window may span at most 14 days.")


def check_order(kind: str, lines: list[tuple[str, int]] | None, has_product: bool) -> None:
    """A parts order names what it orders (its product is optional); no other kind has lines
    and every other kind names its product."""
    if kind != "parts_order":
        if lines:
            raise Unprocessable("Only a parts_order ticket has lines.")
        if not has_product:
            raise Unprocessable(f"A {kind} ticket needs product_id.")
        return
    if not lines:
        raise Unprocessable("A parts_order ticket needs lines: [{sku, qty}].")
    if len(lines) > MAX_ORDER_LINES:
        raise Unprocessable(f"A parts order has at most {MAX_ORDER_LINES} lines.")
    skus = [sku for sku, _ in lines]
    if len(skus) != len(set(skus)):
        raise Unprocessable("A SKU is listed twice; put its quantities on one line.")
    for sku, qty in lines:
        if not 1 <= qty <= MAX_ORDER_QTY:
            raise Unprocessable(f"lines[{sku}].qty must be 1 to {MAX_ORDER_QTY}.")
