"""Defective part returns (旧件返还): a part whose SKU must come back, replaced on a job that
billing classed B or C, is due back at a warehouse within the SKU's days. A return not received
in time is published once, and billing deducts the part's cost from the point's settlement."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as pg_insert

from aftersales.database import Database
from aftersales.errors import Conflict, NotFound
from aftersales.events import Envelope, billing, dispatch
from aftersales.tasks import claim_due
from aftersales.unit_of_work import UnitOfWork
from dispatch.adapters.repositories.scope import Scope
from dispatch.adapters.tables.jobs import JobRow
from dispatch.adapters.tables.parts import PartRow
from dispatch.adapters.tables.returns import PartReturnRow

RETURNED_CLASSES = frozenset({"B", "C"})


async def on_charge_issued(uow: UnitOfWork, event: Envelope[billing.ChargeIssued]) -> None:
    """The job's class is known: it is kept for the parts reports, and its returnable parts
    are due back (once per job and SKU)."""
    d = event.data
    await _classified(uow, d.job_id, d.service_class, d.issued_at)


async def on_charge_corrected(uow: UnitOfWork, event: Envelope[billing.ChargeCorrected]) -> None:
    """Finance corrected the job's charge (an overturned exclusion puts it back in warranty):
    the class follows, and parts the company now pays for are due back."""
    d = event.data
    await _classified(uow, d.job_id, d.service_class, d.corrected_at)


async def _classified(
    uow: UnitOfWork, job_id: uuid.UUID | None, service_class: str, at: datetime
) -> None:
    if job_id is None:
        return
    job = await uow.session.get(JobRow, job_id)
    if job is None:
        return
    job.service_class = service_class
    if service_class not in RETURNED_CLASSES or job.point_id is None or not job.parts:
        return
    skus = [p["sku"] for p in job.parts]
    parts = {
        p.sku: p
        for p in (
            await uow.session.scalars(
                select(PartRow).where(PartRow.sku.in_(skus), PartRow.return_required.is_(True))
            )
        ).all()
    }
    now = uow.now()
    for line in job.parts:
        part = parts.get(line["sku"])
        if part is None:
            continue
        await uow.session.execute(
            pg_insert(PartReturnRow)
            .values(
                id=uuid.uuid4(),
                job_id=job.id,
                ticket_id=job.ticket_id,
                point_id=job.point_id,
                sku=part.sku,
                qty=line["qty"],
                service_class=service_class,
                status="due",
                due_at=at + timedelta(days=part.return_within_days),
                version=1,
                created_at=now,
            )
            .on_conflict_do_nothing(index_elements=["job_id", "sku"])
        )


async def get(
    uow: UnitOfWork, return_id: uuid.UUID, *, scope: Scope, lock: bool = False
) -> PartReturnRow:
    row = await uow.session.get(PartReturnRow, return_id, with_for_update=lock)
    if row is None or (scope.point_id is not None and row.point_id != scope.point_id):
        raise NotFound(f"Return {return_id} does not exist.")
    return row


async def page(
    uow: UnitOfWork, *, scope: Scope, point_id: uuid.UUID | None, status: str | None, limit: int
) -> list[PartReturnRow]:
    stmt = select(PartReturnRow).order_by(PartReturnRow.due_at).limit(limit)
    if scope.point_id is not None:
        stmt = stmt.where(PartReturnRow.point_id == scope.point_id)
    if point_id is not None:
        stmt = stmt.where(PartReturnRow.point_id == point_id)
    if status is not None:
        stmt = stmt.where(PartReturnRow.status == status)
    return list((await uow.session.scalars(stmt)).all())


async def ship(
    uow: UnitOfWork,
    return_id: uuid.UUID,
    carrier: str | None,
    tracking_no: str | None,
    *,
    scope: Scope,
) -> PartReturnRow:
    row = await get(uow, return_id, scope=scope, lock=True)
    if row.status != "due":
        raise Conflict(f"The return is {row.status} already.", return_status=row.status)
    row.status, row.carrier, row.tracking_no = "shipped", carrier, tracking_no
    row.shipped_at = uow.now()
    row.version += 1
    return row


async def receive(
    uow: UnitOfWork, return_id: uuid.UUID, condition: str, *, scope: Scope
) -> PartReturnRow:
    """The warehouse has the part and says what it found."""
    row = await get(uow, return_id, scope=scope, lock=True)
    if row.status == "received":
        raise Conflict("The return was received already.", return_status=row.status)
    row.status, row.condition = "received", condition
    row.received_at = uow.now()
    row.version += 1
    return row


async def report_overdue(db: Database, *, now: datetime | None = None, limit: int = 100) -> int:
    """Publish each return not received by its due time once (``now``: the service's clock)."""
    now = now or db.clock.now()

    async def late(uow: UnitOfWork, row: PartReturnRow) -> None:
        part = await uow.session.get(PartRow, row.sku)
        row.overdue_at = now
        row.version += 1
        uow.publish(
            dispatch.PartReturnOverdue(
                return_id=row.id,
                job_id=row.job_id,
                ticket_id=row.ticket_id,
                point_id=row.point_id,
                sku=row.sku,
                qty=row.qty,
                standard_cost=part.standard_cost if part is not None else None,
                due_at=row.due_at,
                noticed_at=now,
            ),
            aggregate_id=row.id,
            aggregate_version=row.version,
        )

    due = (
        select(PartReturnRow)
        .where(
            PartReturnRow.status != "received",
            PartReturnRow.overdue_at.is_(None),
            PartReturnRow.due_at < now,
        )
        .order_by(PartReturnRow.due_at)
    )
    return await claim_due(db, due, late, limit=limit)
