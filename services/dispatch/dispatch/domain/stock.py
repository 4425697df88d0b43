"""The stock ledger's rules: every movement is a signed quantity of one SKU at one location, and
what a location holds (on hand, reserved, in transit) follows from its movements and never goes
below zero. Locations are warehouses and network points.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal, get_args

from aftersales.errors import Conflict, Unprocessable

MovementKind = Literal[
    "receive", "issue", "transfer_out", "transfer_in", "return_defective", "adjust"
]
MOVEMENT_KINDS: tuple[str, ...] = get_args(MovementKind)
INBOUND = frozenset({"receive", "transfer_in", "return_defective"})
OUTBOUND = frozenset({"issue", "transfer_out"})
MAX_LINES = 200
MAX_QTY = 1_000_000


@dataclass(frozen=True)
class Level:
    on_hand: int = 0
    reserved: int = 0
    in_transit: int = 0
    # Parts a field report used that the books did not show: never refused, owed instead.
    shortfall: int = 0

    @property
    def available(self) -> int:
        return self.on_hand - self.reserved


class Shortfall(Conflict):
    """Not enough on hand: the problem names the SKU, the location, what is there and what
    was wanted."""


def signed(kind: str, qty: int) -> int:
    """The movement's effect on hand: inbound adds, outbound takes, an adjustment is signed."""
    if kind in INBOUND:
        return qty
    if kind in OUTBOUND:
        return -qty
    return qty


def check_qty(kind: str, qty: int) -> None:
    if kind == "adjust":
        if qty == 0 or abs(qty) > MAX_QTY:
            raise Unprocessable(
                f"An adjustment's qty must be non-zero, at most {MAX_QTY} either way."
            )
    elif not 1 <= qty <= MAX_QTY:
        raise Unprocessable(f"qty must be 1 to {MAX_QTY}.")


def apply(level: Level, kind: str, qty: int, *, sku: str, location: str) -> Level:
    """The level after the movement; a :class:`Shortfall` when on hand would go below zero
    (or below what is reserved). What comes in first clears a shortfall."""
    check_qty(kind, qty)
    if kind in INBOUND and level.shortfall:
        cleared = min(qty, level.shortfall)
        return replace(
            level, on_hand=level.on_hand + qty - cleared, shortfall=level.shortfall - cleared
        )
    after = level.on_hand + signed(kind, qty)
    if after < level.reserved:
        raise Shortfall(
            f"Not enough {sku} at {location}: {level.available} available, "
            f"{-signed(kind, qty)} wanted.",
            sku=sku,
            location_id=location,
            available=level.available,
            wanted=-signed(kind, qty),
        )
    return replace(level, on_hand=after)


def crossed_below(before: int, after: int, reorder_level: int | None) -> bool:
    """Whether this movement took the stock below its reorder level (once per crossing)."""
    return reorder_level is not None and before >= reorder_level > after


def check_lines(lines: list[tuple[str, int]]) -> None:
    if not lines:
        raise Unprocessable("At least one line is needed.")
    if len(lines) > MAX_LINES:
        raise Unprocessable(f"At most {MAX_LINES} lines.")
    skus = [sku for sku, _ in lines]
    if len(skus) != len(set(skus)):
        raise Unprocessable("A SKU is listed twice; put its quantities on one line.")


def issue_to_job(level: Level, qty: int) -> Level:
    """A part a technician used on a job: taken from the point's stock, never refused. What
    the books do not show becomes the point's shortfall, to clear by a requisition or an
    adjustment."""
    check_qty("issue", qty)
    taken = min(qty, max(level.on_hand - level.reserved, 0))
    return replace(level, on_hand=level.on_hand - taken, shortfall=level.shortfall + qty - taken)
