"""Requisitions (零件請購): a point asks, the warehouse approves (fully or partly) and ships,
the point receives. ``requested → approved → shipped → received``, or ``rejected`` /
``cancelled`` before anything ships."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from aftersales.errors import Conflict, Unprocessable

NEXT = {
    "approve": ("requested",),
    "ship": ("approved",),
    "receive": ("shipped",),
    "reject": ("requested", "approved"),
    "cancel": ("requested", "approved"),
}


def check_step(status: str, step: str) -> None:
    allowed = NEXT[step]
    if status not in allowed:
        raise Conflict(
            f"A requisition {status} cannot be {step}d (only when {' or '.join(allowed)}).".replace(
                "shipd", "shipped"
            ),
            requisition_status=status,
        )


def approved_lines(lines: Sequence[Mapping[str, Any]], approve: Mapping[str, int]) -> list[dict]:
    """Each line approved at most as requested; a SKU not asked for is a 422."""
    asked = {line["sku"]: line for line in lines}
    unknown = sorted(set(approve) - set(asked))
    if unknown:
        raise Unprocessable(f"Not on the requisition: {', '.join(unknown)}.", unknown=unknown)
    out = []
    for line in lines:
        qty = approve.get(line["sku"], 0)
        if not 0 <= qty <= line["requested"]:
            raise Unprocessable(
                f"{line['sku']}: approve 0 to {line['requested']}, not {qty}.", sku=line["sku"]
            )
        out.append({**line, "approved": qty})
    if not any(line["approved"] for line in out):
        raise Unprocessable("Nothing approved: reject the requisition instead.")
    return out


def received_lines(lines: Sequence[Mapping[str, Any]], received: Mapping[str, int]) -> list[dict]:
    """Each line received at most as shipped (more is a 422: it cannot have come)."""
    shipped = {line["sku"]: line.get("shipped") or 0 for line in lines}
    unknown = sorted(set(received) - set(shipped))
    if unknown:
        raise Unprocessable(f"Not shipped on this requisition: {', '.join(unknown)}.")
    out = []
    for line in lines:
        qty = received.get(line["sku"], 0)
        if not 0 <= qty <= shipped[line["sku"]]:
            raise Unprocessable(
                f"{line['sku']}: {shipped[line['sku']]} shipped, {qty} cannot be received.",
                sku=line["sku"],
            )
        out.append({**line, "received": qty})
    return out
