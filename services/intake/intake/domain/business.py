"""Customers who are businesses (docs/domain.md, clauses 12-14): dealers (代理) and direct
industrial or fleet customers, the duties the centre keeps toward them, and their checklists.

- A customer's ``type`` is ``consumer`` (the default), ``dealer`` or ``direct``.
- ``dealer_onboarding`` (a dealer's goods within 10 days of signing, with its materials) is for
  dealers; ``usage_guidance`` (within 10 days) for direct customers; ``promotion_support``
  (within 20 days) for either. Another type is a 422.
- Each of these kinds carries a checklist: an agent ticks its items (who, when, a note), and the
  ticket may end (``respond`` resolved, ``resolve-remotely``) once every item is ticked. The work
  is finished when its last item is ticked: in time if that is by ``complete_by``.

Pure rules: the time is passed in.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal, get_args
from zoneinfo import ZoneInfo

from aftersales.errors import Conflict, NotFound, Unprocessable

CustomerType = Literal["consumer", "dealer", "direct"]
CUSTOMER_TYPES: tuple[str, ...] = get_args(CustomerType)
DEFAULT_TYPE = "consumer"

# Each kind's checklist: item → what it means.
CHECKLISTS: Mapping[str, Mapping[str, str]] = {
    "dealer_onboarding": {
        "goods_shipped": "the contract's goods shipped to the dealer",
        "shop_fitting": "shop-fitting (门面装修) provided",
        "promotion_materials": "promotion materials sent",
        "manuals": "product manuals (说明书) sent",
        "brochures": "brochures (画册) sent",
        "posters": "posters (海报) sent",
    },
    "promotion_support": {
        "plan_agreed": "the promotion planned with the customer",
        "materials_sent": "its materials sent",
        "activity_held": "the promotion carried out",
    },
    "usage_guidance": {
        "guidance_given": "usage guidance given",
        "tracking_arranged": "usage tracking visits arranged (a care plan)",
    },
}
CHECKLIST_KINDS = frozenset(CHECKLISTS)
# Who each kind is for; any other kind is for every customer.
FOR_TYPES: Mapping[str, frozenset[str]] = {
    "dealer_onboarding": frozenset({"dealer"}),
    "promotion_support": frozenset({"dealer", "direct"}),
    "usage_guidance": frozenset({"direct"}),
}
GUIDANCE_KIND = "usage_guidance"


def check_type(value: str | None) -> str:
    if value not in CUSTOMER_TYPES:
        raise Unprocessable(
            f"type must be one of {', '.join(CUSTOMER_TYPES)}.", allowed=list(CUSTOMER_TYPES)
        )
    return value


def check_kind_for_customer(kind: str, customer_type: str) -> None:
    allowed = FOR_TYPES.get(kind)
    if allowed is not None and customer_type not in allowed:
        raise Unprocessable(
            f"A {kind} ticket is for a {' or '.join(sorted(allowed))} customer; this customer "
            f"is a {customer_type} (PATCH /v1/customers/{{id}} sets its type).",
            customer_type=customer_type,
            required_types=sorted(allowed),
        )


def new_checklist(kind: str) -> list[dict[str, Any]] | None:
    """The kind's checklist, nothing ticked; None for a kind without one."""
    items = CHECKLISTS.get(kind)
    if items is None:
        return None
    return [
        {"item": item, "label": label, "done_at": None, "done_by": None, "note": None}
        for item, label in items.items()
    ]


def open_items(checklist: list[dict[str, Any]] | None) -> list[str]:
    return [entry["item"] for entry in checklist or () if entry.get("done_at") is None]


def tick(
    kind: str,
    status_ended: bool,
    checklist: list[dict[str, Any]] | None,
    item: str,
    *,
    actor: str,
    at: datetime,
    note: str | None,
) -> list[dict[str, Any]]:
    """The checklist with ``item`` ticked by ``actor`` at ``at`` (a new list: the row's JSON
    changes as a whole)."""
    if checklist is None:
        raise Conflict(f"A {kind} ticket has no checklist.")
    if status_ended:
        raise Conflict("The ticket has ended; its checklist is closed.")
    entries = [dict(entry) for entry in checklist]
    found = next((entry for entry in entries if entry["item"] == item), None)
    if found is None:
        raise NotFound(
            f"The {kind} checklist has no item {item!r}.",
            items=[entry["item"] for entry in entries],
        )
    if found["done_at"] is not None:
        raise Conflict(
            f"{item} was ticked already, by {found['done_by']} at {found['done_at']}.",
            done_at=found["done_at"],
            done_by=found["done_by"],
        )
    found.update(done_at=at.isoformat(), done_by=actor, note=note)
    return entries


def check_checklist_done(kind: str, checklist: list[dict[str, Any]] | None) -> None:
    """A ticket with a checklist ends only once every item is ticked."""
    remaining = open_items(checklist)
    if remaining:
        raise Conflict(
            f"The {kind} checklist is not done: {', '.join(remaining)} still open "
            "(POST /v1/tickets/{id}/checklist/{item}).",
            open_items=remaining,
        )


GuidanceResult = Literal["in_time", "late", "running", "cancelled"]


@dataclass(frozen=True)
class Duty:
    """One duty with a deadline, as a report sees it."""

    complete_by: datetime | None
    finished_at: datetime | None
    ended: bool
    paused: bool

    def result(self, now: datetime) -> GuidanceResult:
        if self.finished_at is not None:
            if self.complete_by is None or self.finished_at <= self.complete_by:
                return "in_time"
            return "late"
        if self.ended:
            return "cancelled"
        if self.complete_by is not None and not self.paused and now > self.complete_by:
            return "late"
        return "running"


QUARTER_PATTERN = r"^(19[7-9]\d|2\d{3})-Q[1-4]$"


def quarter_bounds(quarter: str, tz: ZoneInfo) -> tuple[datetime, datetime]:
    """``YYYY-Qn``'s first instant and the next quarter's, in the business's time zone."""
    try:
        year, q = int(quarter[:4]), int(quarter[-1])
        if quarter[4:6] != "-Q" or len(quarter) != 7 or not 1970 <= year <= 2999 or not 1 <= q <= 4:
            raise ValueError
    except ValueError:
        raise Unprocessable(f"{quarter[:20]!r} is not a quarter; use YYYY-Qn (2026-Q4).") from None
    first = 3 * (q - 1) + 1
    start = datetime(year, first, 1, tzinfo=tz)
    end = datetime(year + (first + 2) // 12, (first + 2) % 12 + 1, 1, tzinfo=tz)
    return start, end
