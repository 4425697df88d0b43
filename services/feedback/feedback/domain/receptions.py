"""Visiting customers (clause 7): a host from arrival to departure, who arranges lodging,
appointments and the return ticket; a substantiated complaint about the reception fines the
host the configured amount.

A complaint about a reception is filed on a ``complaint`` ticket of the visiting customer (the
contract wants every complaint on a ticket), names the reception, and so its host."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal

from aftersales.errors import Unprocessable

Arrangement = Literal["lodging", "appointments", "return_ticket"]
ARRANGEMENTS: tuple[str, ...] = ("lodging", "appointments", "return_ticket")


def every_arrangement() -> list[Arrangement]:
    """What a host arranges when the request says nothing: all of it."""
    return ["lodging", "appointments", "return_ticket"]


# Why a staff member was fined (the only reason so far).
FINE_REASON = "reception"


def check_stay(arrives_at: datetime, departs_at: datetime) -> None:
    """A stay departs after it arrives (the same moment is a visit of no length: refused too)."""
    if departs_at <= arrives_at:
        raise Unprocessable(
            "A reception's departure comes after its arrival.",
            arrives_at=arrives_at.isoformat(),
            departs_at=departs_at.isoformat(),
        )


def check_host(host_staff_id: uuid.UUID, *, registered: bool, active: bool) -> None:
    """The host is a service person on the staff register (POST /v1/staff), not dismissed."""
    if not registered:
        raise Unprocessable(
            f"Host {host_staff_id} is not on the staff register (POST /v1/staff).",
            host_staff_id=str(host_staff_id),
        )
    if not active:
        raise Unprocessable(
            f"Host {host_staff_id} is no longer active on the staff register.",
            host_staff_id=str(host_staff_id),
        )


def check_reception_complaint(
    *,
    ticket_kind: str | None,
    ticket_customer_id: uuid.UUID | None,
    reception_customer_id: uuid.UUID,
    host_staff_id: uuid.UUID,
    staff_named: uuid.UUID | None,
    technician_named: uuid.UUID | None,
) -> None:
    """A complaint about a reception is on a ``complaint`` ticket of the customer who visited,
    and about the host (naming anyone else with it is a 422: a complaint is about one person)."""
    if ticket_kind is None:
        raise Unprocessable("The ticket is not known to feedback yet: try again shortly.")
    if ticket_kind != "complaint":
        raise Unprocessable(
            f"A complaint about a reception is filed on a complaint ticket, not a {ticket_kind}."
        )
    if ticket_customer_id != reception_customer_id:
        raise Unprocessable("The ticket is not the visiting customer's: the reception was not.")
    if technician_named is not None or staff_named not in (None, host_staff_id):
        raise Unprocessable(
            "A complaint about a reception is about its host: name no one else.",
            host_staff_id=str(host_staff_id),
        )


def fine_due(*, substantiated: bool, reception_id: uuid.UUID | None, amount: int) -> bool:
    """A substantiated complaint about a reception fines its host, whatever its category (a
    conduct one is a strike besides); an amount of 0 fines nobody."""
    return substantiated and reception_id is not None and amount > 0
