"""A customer's paid parts order at the warehouse (有償訂貨 款到後兩天內發貨): paid in full, it
must ship within the deadline; it is then delivered. ``awaiting_payment → paid → shipped →
delivered``, or ``cancelled`` while unpaid.

Billing's and intake's events about an order may arrive in either order; each only fills in
what is missing or moves the order forward, never back.
"""

from __future__ import annotations

from datetime import datetime

from aftersales.errors import Conflict

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
