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
    # A business customer's duties (clauses 12-14, intake.domain.business): with checklists.
    "dealer_onboarding",
    "promotion_support",
    "usage_guidance",
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
# Kinds a ticket may be opened for without a registered product (docs/domain.md, clauses 9, 10
# and 12-14): a sales training, a sample of something the customer has not registered, a
# business customer's duties. Such a ticket names the product category instead (dispatch routes
# by it) and its topic.
WITHOUT_PRODUCT = frozenset(
    {"training", "sample_test", "dealer_onboarding", "promotion_support", "usage_guidance"}
)
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


def check_preferred_window(
    start: datetime, end: datetime, now: datetime, *, name: str = "preferred_window"
) -> None:
    if start.tzinfo is None or end.tzinfo is None:
        raise Unprocessable(f"{name} times must carry a timezone offset.")
    if start >= end:
        raise Unprocessable(f"{name}.start must be before {name}.end.")
    if end <= now:
        raise Unprocessable(f"{name} lies in the past.")
    if end - start > MAX_WINDOW:
        raise Unprocessable(f"{name} may span at most 14 days.")


def window_agreed(kind: str, has_window: bool) -> bool | None:
    """Whether a visit's slot is agreed with the customer: a visit ticket's window is the one
    agreed (given when it was opened, or recorded later); None for a ticket with no visit."""
    return has_window if needs_visit(kind) else None


def check_subject(kind: str, *, has_product: bool, category: str | None, topic: str | None) -> None:
    """What a ticket is about: its product; or, for a kind that may have none, a product
    category and a topic. A parts order names its lines (:func:`check_order`), nothing else."""
    if kind == "parts_order":
        if category is not None or topic is not None:
            raise Unprocessable("A parts_order ticket names its lines, not a category or topic.")
        return
    if has_product:
        return
    if kind not in WITHOUT_PRODUCT:
        raise Unprocessable(f"A {kind} ticket needs product_id.")
    missing = [name for name, value in (("category", category), ("topic", topic)) if not value]
    if missing:
        raise Unprocessable(
            f"A {kind} ticket without a product needs {' and '.join(missing)}: the product "
            "category it is about (routing goes by it) and what it is about.",
            missing=missing,
        )


def check_category(product_category: str, category: str | None) -> None:
    """A ticket with a product is about the product's category; one it names must agree."""
    if category is not None and category != product_category:
        raise Unprocessable(
            f"The product is a {product_category}, not a {category}; leave category out.",
            product_category=product_category,
        )


def check_order(kind: str, lines: list[tuple[str, int]] | None) -> None:
    """A parts order names what it orders (its product is optional); no other kind has
    lines."""
    if kind != "parts_order":
        if lines:
            raise Unprocessable("Only a parts_order ticket has lines.")
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
