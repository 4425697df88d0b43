"""A customer's data in billing: no names or addresses, only their tickets' charges."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select

from aftersales.events import Envelope, intake
from aftersales.privacy import columns, scrub_platform
from aftersales.unit_of_work import UnitOfWork
from billing.adapters.tables.charges import ChargeRow
from billing.adapters.tables.documents import InvoiceRow
from billing.adapters.tables.facts import TicketFactsRow
from billing.adapters.tables.payments import PaymentRow


async def on_customer_erased(uow: UnitOfWork, event: Envelope[intake.CustomerErased]) -> None:
    """Billing keeps no name, phone or address of its own (invoices carry the charge and the
    amounts the law requires); what the kit stored on its behalf is scrubbed."""
    await scrub_platform(uow, event.data.customer_id)


async def customer_export(uow: UnitOfWork, customer_id: uuid.UUID) -> dict[str, Any]:
    tickets = (
        await uow.session.scalars(
            select(TicketFactsRow).where(TicketFactsRow.customer_id == customer_id)
        )
    ).all()
    ids = [t.ticket_id for t in tickets]
    charges = (
        await uow.session.scalars(select(ChargeRow).where(ChargeRow.ticket_id.in_(ids)))
    ).all()
    charge_ids = [c.id for c in charges]
    payments = (
        await uow.session.scalars(select(PaymentRow).where(PaymentRow.charge_id.in_(charge_ids)))
    ).all()
    invoices = (
        await uow.session.scalars(select(InvoiceRow).where(InvoiceRow.charge_id.in_(charge_ids)))
    ).all()
    return {
        "tickets": [columns(t) for t in tickets],
        "charges": [columns(c) for c in charges],
        "payments": [columns(p) for p in payments],
        "invoices": [columns(i) for i in invoices],
    }
