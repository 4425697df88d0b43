"""A customer's personal data in dispatch: the copy on each job, signatures, report details."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import or_, select, update

from aftersales.events import Envelope, intake
from aftersales.privacy import columns, scrub, scrub_platform
from aftersales.unit_of_work import UnitOfWork
from dispatch.adapters.tables.jobs import JobHistoryRow, JobRow, SignatureRow
from dispatch.adapters.tables.parts_orders import PartsOrderRow


async def _jobs_of(uow: UnitOfWork, customer_id: uuid.UUID) -> list[JobRow]:
    stmt = select(JobRow).where(JobRow.customer["id"].astext == str(customer_id))
    return list((await uow.session.scalars(stmt)).all())


async def _parts_orders_of(
    uow: UnitOfWork, customer_id: uuid.UUID, ticket_ids: list[uuid.UUID]
) -> list[PartsOrderRow]:
    """The customer's parts orders: by their tickets (an order's copy of the customer kept only
    whom to ship to), or by the customer's id where the copy keeps it."""
    stmt = select(PartsOrderRow).where(
        or_(
            PartsOrderRow.ticket_id.in_(ticket_ids),
            PartsOrderRow.customer["id"].astext == str(customer_id),
        )
    )
    return list((await uow.session.scalars(stmt)).all())


async def on_customer_erased(uow: UnitOfWork, event: Envelope[intake.CustomerErased]) -> None:
    """Tombstones in every job's and parts order's copy of the customer and its address, and
    in what the customer signed; the jobs and orders themselves (times, work, parts) stay for
    the accounts and the scorecards."""
    customer_id = event.data.customer_id
    jobs = await _jobs_of(uow, customer_id)
    for job in jobs:
        job.customer, _ = scrub(job.customer, customer_id, whole=True)
    for order in await _parts_orders_of(uow, customer_id, event.data.ticket_ids):
        order.customer, _ = scrub(order.customer, customer_id, whole=True)
        order.ship_to, _ = scrub(order.ship_to, customer_id, whole=True)
    ids = [job.id for job in jobs]
    await uow.session.execute(
        update(SignatureRow)
        .where(SignatureRow.job_id.in_(ids))
        .values(image=None, content_type=None, reference=None)
    )
    reported = await uow.session.scalars(
        select(JobHistoryRow).where(
            JobHistoryRow.job_id.in_(ids), JobHistoryRow.details.is_not(None)
        )
    )
    for entry in reported:
        scrubbed, changed = scrub(entry.details, customer_id, whole=True)
        if changed:
            entry.details = scrubbed
    await scrub_platform(uow, customer_id)


async def customer_export(uow: UnitOfWork, customer_id: uuid.UUID) -> dict[str, Any]:
    jobs = await _jobs_of(uow, customer_id)
    out = []
    for job in jobs:
        history = await uow.session.scalars(
            select(JobHistoryRow).where(JobHistoryRow.job_id == job.id).order_by(JobHistoryRow.seq)
        )
        signatures = await uow.session.scalars(
            select(SignatureRow).where(SignatureRow.job_id == job.id)
        )
        out.append(
            {
                **columns(job),
                "history": [columns(h) for h in history],
                "signatures": [
                    {k: v for k, v in columns(s).items() if k != "image"} for s in signatures
                ],
            }
        )
    tickets = sorted({job.ticket_id for job in jobs})
    orders = [columns(o) for o in await _parts_orders_of(uow, customer_id, tickets)]
    return {"jobs": out, "parts_orders": orders}
