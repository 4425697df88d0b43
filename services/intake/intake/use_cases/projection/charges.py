"""The ticket's charge summary, as billing reports it (a payment may overtake the issue)."""

from __future__ import annotations

from aftersales.events import Envelope, billing
from aftersales.logging import get_logger
from aftersales.unit_of_work import UnitOfWork
from intake.use_cases.projection.timeline import ticket_for_event
from intake.use_cases.ticket_events import touch

log = get_logger(__name__)


async def on_charge_issued(uow: UnitOfWork, event: Envelope[billing.ChargeIssued]) -> None:
    ticket = await ticket_for_event(uow, event)
    if ticket is None:
        return
    d = event.data
    paid_first = ticket.charge_status == "paid" and ticket.charge_id == d.charge_id
    if ticket.respond_clock == "billing" and ticket.responded_at is None:
        ticket.responded_at = d.issued_at  # a parts order is answered by its priced charge
    ticket.charge_id, ticket.charge_class = d.charge_id, d.service_class
    ticket.charge_total, ticket.charge_currency = d.customer_total.amount, d.customer_total.currency
    if not paid_first:  # a payment that overtook the issue keeps the charge "paid"
        ticket.charge_status = "issued"
    touch(uow, ticket)


async def on_charge_paid(uow: UnitOfWork, event: Envelope[billing.ChargePaid]) -> None:
    ticket = await ticket_for_event(uow, event)
    if ticket is None:
        return
    d = event.data
    if ticket.charge_id in (None, d.charge_id):
        ticket.charge_id, ticket.charge_status = d.charge_id, "paid"
        touch(uow, ticket)
