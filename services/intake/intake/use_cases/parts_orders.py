"""A parts order's ticket follows billing and the warehouse: paid, shipped (in time or late, with
the arrival date promised to the customer), delivered (the ticket closes, ``closure_reason:
delivered``), or cancelled unpaid.

Every event lands on the timeline. The shipping facts only ever fill in (a duplicate or a
reordered event sets nothing twice), and an ended ticket stays ended.
"""

from __future__ import annotations

from typing import Any

from aftersales.events import Envelope, billing, dispatch
from aftersales.unit_of_work import UnitOfWork
from intake.adapters.tables import TicketRow
from intake.domain.lifecycle import FINAL
from intake.use_cases.projection.timeline import ticket_for_event
from intake.use_cases.ticket_events import change_status, end_ticket, touch


def _fill(ticket: TicketRow, **facts: Any) -> None:
    """Set the shipping facts not yet known (JSON-ready)."""
    known = dict(ticket.parts_order or {})
    for key, value in facts.items():
        if known.get(key) is None and value is not None:
            known[key] = value.isoformat() if hasattr(value, "isoformat") else value
    ticket.parts_order = known


async def on_paid(uow: UnitOfWork, event: Envelope[billing.PartsOrderPaid]) -> None:
    ticket = await ticket_for_event(uow, event)
    if ticket is not None:
        _fill(ticket, paid_at=event.data.paid_at)
        touch(uow, ticket)


async def on_shipped(uow: UnitOfWork, event: Envelope[dispatch.PartsOrderShipped]) -> None:
    ticket = await ticket_for_event(uow, event)
    if ticket is None:
        return
    d = event.data
    _fill(
        ticket,
        ship_by=d.ship_by,
        shipped_at=d.at,
        from_location_id=str(d.from_location_id),
        carrier=d.carrier,
        tracking_no=d.tracking_no,
        shipped_on_time=d.on_time,
        promised_by=d.promised_by,
    )
    if ticket.status == "open":
        await change_status(uow, ticket, "in_progress", reason="parts shipped", actor="dispatch")
    else:
        touch(uow, ticket)


async def on_ship_overdue(uow: UnitOfWork, event: Envelope[dispatch.PartsOrderShipOverdue]) -> None:
    ticket = await ticket_for_event(uow, event)
    if ticket is not None:
        _fill(ticket, ship_by=event.data.ship_by, ship_breached_at=event.data.at)
        touch(uow, ticket)


async def on_delivered(uow: UnitOfWork, event: Envelope[dispatch.PartsOrderDelivered]) -> None:
    ticket = await ticket_for_event(uow, event)
    if ticket is None:
        return
    _fill(ticket, ship_by=event.data.ship_by, delivered_at=event.data.at)
    if ticket.status in FINAL:
        touch(uow, ticket)
        return
    await end_ticket(uow, ticket, "closed", "delivered", note="parts delivered", actor="dispatch")


async def on_cancelled(uow: UnitOfWork, event: Envelope[billing.PartsOrderCancelled]) -> None:
    ticket = await ticket_for_event(uow, event)
    if ticket is None:
        return
    if ticket.status in FINAL:
        touch(uow, ticket)
        return
    await end_ticket(uow, ticket, "cancelled", "cancelled", note=event.data.reason, actor="billing")
