"""A customer's paid parts order at the warehouse (有償訂貨 款到後兩天內發貨): paid in full, it
must ship within the deadline; it is then delivered. ``awaiting_payment → paid → shipped →
delivered``, or ``cancelled`` while unpaid.

Billing's and intake's events about an order may arrive in either order; each only fills in
what is missing or moves the order forward, never back.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from aftersales.errors import Conflict, Unprocessable

NEXT = {"ship": "paid", "deliver": "shipped"}
WHY_NOT = {
    "awaiting_payment": "it is not paid yet",
    "paid": "it has not shipped yet",
    "shipped": "it has shipped already",
    "delivered": "it was delivered already",
    "cancelled": "it was cancelled unpaid",
}


def check_step(status: str, step: str) -> None:
    if status != NEXT[step]:
        raise Conflict(
            f"The parts order cannot be {'shipped' if step == 'ship' else 'delivered'}: "
            f"{WHY_NOT[status]}.",
            order_status=status,
        )


def paid(status: str) -> str:
    """The status once billing says it is paid: forward from awaiting payment only."""
    return "paid" if status == "awaiting_payment" else status


def cancelled(status: str) -> str:
    return "cancelled" if status == "awaiting_payment" else status


def on_time(shipped_at: datetime, due: datetime) -> bool:
    return shipped_at <= due


def delivered_at(
    at: datetime | None, *, shipped_at: datetime, now: datetime, skew: timedelta
) -> datetime:
    """When the carrier delivered: ``at`` if given (a proof of delivery recorded later), else
    now; never in the future, never before the order shipped."""
    if at is None:
        return max(now, shipped_at)
    if at > now + skew:
        raise Unprocessable("The delivery time 'at' lies in the future.", at=at.isoformat())
    if at < shipped_at:
        raise Unprocessable(
            "The delivery time 'at' is before the order shipped.",
            shipped_at=shipped_at.isoformat(),
        )
    return at
