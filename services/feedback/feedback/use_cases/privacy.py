"""A customer's data in feedback: whom to call back, care plans, what they said."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select, update

from aftersales.events import Envelope, intake
from aftersales.privacy import TOMBSTONE, columns, scrub_platform
from aftersales.unit_of_work import UnitOfWork
from feedback.adapters.tables import CallbackRow, CarePlanRow, ComplaintRow, TicketContactRow
from feedback.adapters.visit_tables import CustomerRow, ReceptionRow


async def on_customer_erased(uow: UnitOfWork, event: Envelope[intake.CustomerErased]) -> None:
    """Tombstones for the name and phone the callbacks use; outcomes and scores stay, as the
    points' grades were computed from them."""
    customer_id = event.data.customer_id
    await uow.session.execute(
        update(TicketContactRow)
        .where(TicketContactRow.customer_id == customer_id)
        .values(customer_name=TOMBSTONE, phone=TOMBSTONE)
    )
    await uow.session.execute(
        update(CarePlanRow)
        .where(CarePlanRow.customer_id == customer_id)
        .values(customer_name=TOMBSTONE)
    )
    await uow.session.execute(
        update(CustomerRow).where(CustomerRow.customer_id == customer_id).values(name=TOMBSTONE)
    )
    await scrub_platform(uow, customer_id)


async def customer_export(uow: UnitOfWork, customer_id: uuid.UUID) -> dict[str, Any]:
    contacts = (
        await uow.session.scalars(
            select(TicketContactRow).where(TicketContactRow.customer_id == customer_id)
        )
    ).all()
    ids = [c.ticket_id for c in contacts]
    callbacks = (
        await uow.session.scalars(select(CallbackRow).where(CallbackRow.ticket_id.in_(ids)))
    ).all()
    complaints = (
        await uow.session.scalars(select(ComplaintRow).where(ComplaintRow.ticket_id.in_(ids)))
    ).all()
    plans = (
        await uow.session.scalars(select(CarePlanRow).where(CarePlanRow.customer_id == customer_id))
    ).all()
    customer = await uow.session.get(CustomerRow, customer_id)
    stmt = select(ReceptionRow).where(ReceptionRow.customer_id == customer_id)
    receptions = (await uow.session.scalars(stmt)).all()
    return {
        "customer": columns(customer) if customer is not None else None,
        "receptions": [columns(r) for r in receptions],
        "tickets": [columns(c) for c in contacts],
        "callbacks": [columns(c) for c in callbacks],
        "complaints": [columns(c) for c in complaints],
        "care_plans": [columns(p) for p in plans],
    }
