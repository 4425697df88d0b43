"""A customer's personal data: erased on request everywhere, exported on request. The one
place the ticket core calls into the webhook gateway and the notifications: each erases and
exports what it holds itself."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select, update

from aftersales.events import intake
from aftersales.privacy import TOMBSTONE, columns, scrub_platform
from aftersales.unit_of_work import UnitOfWork
from intake.adapters.repositories import CustomerRepository, TicketRepository
from intake.adapters.tables import CustomerRow, ProductRow, TicketRow
from intake.integrations.use_cases import privacy as webhook_privacy
from intake.notifications.use_cases import records


async def erase_customer(uow: UnitOfWork, customer_id: uuid.UUID) -> CustomerRow:
    """Tombstones for the customer's name, phone, e-mail and address here, in the webhook
    deliveries and the kit's stored payloads; an event tells the other services to do the
    same. The customer, their products and tickets stay (with ids, region and history) for
    the warranty and the accounts. Erasing twice changes nothing more."""
    row = await CustomerRepository(uow.session).get(customer_id, lock=True)
    if row.erased_at is not None:
        return row
    now = uow.now()
    row.name = row.phone = row.city = row.line = TOMBSTONE
    row.phone_normalized = "erased"
    row.email = row.postal_code = None
    row.erased_at = now
    row.version += 1
    row.updated_at = now
    # Their products' installation addresses and notes are theirs too (the region stays).
    await uow.session.execute(
        update(ProductRow)
        .where(ProductRow.customer_id == customer_id, ProductRow.install_region.is_not(None))
        .values(install_city=TOMBSTONE, install_line=TOMBSTONE, install_postal_code=None)
    )
    await uow.session.execute(
        update(ProductRow).where(ProductRow.customer_id == customer_id).values(notes=None)
    )
    await webhook_privacy.erase(uow, customer_id)
    await records.erase(uow, customer_id)
    await scrub_platform(uow, customer_id)
    tickets = await uow.session.scalars(
        select(TicketRow.id).where(TicketRow.customer_id == customer_id)
    )
    uow.publish(
        intake.CustomerErased(customer_id=customer_id, erased_at=now, ticket_ids=list(tickets)),
        aggregate_id=customer_id,
        aggregate_version=row.version,
    )
    await uow.session.flush()
    return row


async def customer_export(uow: UnitOfWork, customer_id: uuid.UUID) -> dict[str, Any]:
    """Everything intake holds about the customer, as plain JSON-ready data."""
    customer = await CustomerRepository(uow.session).get(customer_id)
    products = (
        await uow.session.scalars(select(ProductRow).where(ProductRow.customer_id == customer_id))
    ).all()
    tickets = (
        await uow.session.scalars(select(TicketRow).where(TicketRow.customer_id == customer_id))
    ).all()
    timelines = TicketRepository(uow.session)
    return {
        "customer": columns(customer),
        **await records.export(uow, customer_id),
        "products": [columns(p) for p in products],
        "tickets": [
            {**columns(t), "timeline": [columns(e) for e in await timelines.timeline(t.id)]}
            for t in tickets
        ],
    }
