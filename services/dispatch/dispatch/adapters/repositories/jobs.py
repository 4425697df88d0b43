"""Jobs: filters and pages, a ticket's jobs, a technician's day, offers, history,
signatures and the workshop's card of a job."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from aftersales.errors import NotFound
from aftersales.http.pagination import keyset_page, sync_page
from dispatch.adapters.repositories import board
from dispatch.adapters.repositories.scope import Scope
from dispatch.adapters.tables.jobs import JobHistoryRow, JobOfferRow, JobRow, SignatureRow
from dispatch.adapters.tables.workshop import RepairCardRow, WorkshopLogRow, receipt_no_seq


@dataclass(frozen=True)
class JobFilter:
    scope: Scope = field(default_factory=Scope)
    point_id: uuid.UUID | None = None
    technician_id: uuid.UUID | None = None
    status: str | None = None
    ticket_id: uuid.UUID | None = None
    updated_since: datetime | None = None
    region: str | None = None  # a prefix (dispatch.domain.board.region_prefix)
    kind: str | None = None


class JobRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, job_id: uuid.UUID, *, scope: Scope = Scope(), lock: bool = False) -> JobRow:
        row = await self.session.get(JobRow, job_id, with_for_update=lock)
        if (
            row is None
            or (scope.point_id is not None and row.point_id != scope.point_id)
            or (scope.technician_id is not None and row.technician_id != scope.technician_id)
        ):
            raise NotFound(f"Job {job_id} does not exist.")
        return row

    def add(self, row: JobRow) -> None:
        self.session.add(row)

    async def of_ticket(self, ticket_id: uuid.UUID, *, lock: bool = False) -> list[JobRow]:
        stmt = select(JobRow).where(JobRow.ticket_id == ticket_id).order_by(JobRow.visit_number)
        if lock:
            stmt = stmt.with_for_update()
        return list((await self.session.scalars(stmt)).all())

    async def of_technician_between(
        self, technician_id: uuid.UUID, start: datetime, end: datetime
    ) -> list[JobRow]:
        """The technician's jobs booked to start in [start, end), in appointment order."""
        stmt = (
            select(JobRow)
            .where(
                JobRow.technician_id == technician_id,
                JobRow.appointment_start >= start,
                JobRow.appointment_start < end,
                JobRow.status != "cancelled",
            )
            .order_by(JobRow.appointment_start, JobRow.id)
        )
        return list((await self.session.scalars(stmt)).all())

    async def scheduled_with(self, technician_id: uuid.UUID) -> list[JobRow]:
        stmt = (
            select(JobRow)
            .where(JobRow.technician_id == technician_id, JobRow.status == "scheduled")
            .with_for_update()
        )
        return list((await self.session.scalars(stmt)).all())

    @staticmethod
    def _listed(where: JobFilter) -> Any:
        stmt: Any = select(JobRow)
        conditions = [
            (where.scope.point_id, JobRow.point_id),
            (where.scope.technician_id, JobRow.technician_id),
            (where.point_id, JobRow.point_id),
            (where.technician_id, JobRow.technician_id),
            (where.ticket_id, JobRow.ticket_id),
            (where.status, JobRow.status),
            (where.kind, JobRow.kind),
        ]
        for value, column in conditions:
            if value is not None:
                stmt = stmt.where(column == value)
        if where.updated_since is not None:
            stmt = stmt.where(JobRow.updated_at >= where.updated_since)
        if where.region is not None:
            stmt = stmt.where(JobRow.region.startswith(where.region, autoescape=True))
        return stmt

    async def page(
        self, where: JobFilter, *, cursor: str | None, limit: int, by_next_due: bool = False
    ) -> tuple[list[JobRow], str | None]:
        if by_next_due:  # the open jobs, by the due time of their next clock
            return await board.page_by_next_due(
                self.session, self._listed(where), cursor=cursor, limit=limit
            )
        return await keyset_page(
            self.session,
            self._listed(where),
            sort_col=JobRow.__table__.c.updated_at,
            id_col=JobRow.__table__.c.id,
            cursor=cursor,
            limit=limit,
        )

    async def counts(self, where: JobFilter, now: datetime) -> dict[str, Any]:
        """The open jobs per status and clock bucket (``dispatch.adapters.repositories.board``)."""
        return await board.counts(self.session, self._listed(where).whereclause, now)

    async def sync(self, where: JobFilter, *, since: str, limit: int) -> tuple[list[JobRow], str]:
        """The jobs written after the sync cursor ``since``, in commit order; the next cursor."""
        return await sync_page(
            self.session,
            self._listed(where),
            resource="dispatch.jobs",
            entity=JobRow,
            since=since,
            limit=limit,
        )

    # offers
    def add_offer(self, row: JobOfferRow) -> None:
        self.session.add(row)

    async def offers(self, job_id: uuid.UUID) -> list[JobOfferRow]:
        stmt = select(JobOfferRow).where(JobOfferRow.job_id == job_id).order_by(JobOfferRow.attempt)
        return list((await self.session.scalars(stmt)).all())

    async def offered_at(self, job_id: uuid.UUID, point_id: uuid.UUID) -> datetime | None:
        """When the job was last offered to ``point_id`` (the offer it holds now)."""
        stmt = select(func.max(JobOfferRow.offered_at)).where(
            JobOfferRow.job_id == job_id, JobOfferRow.point_id == point_id
        )
        return await self.session.scalar(stmt)

    async def pending_offer(self, job_id: uuid.UUID) -> JobOfferRow | None:
        stmt = select(JobOfferRow).where(
            JobOfferRow.job_id == job_id, JobOfferRow.outcome == "pending"
        )
        return (await self.session.scalars(stmt)).one_or_none()

    # history, workshop, signatures
    def record(self, row: JobHistoryRow) -> None:
        self.session.add(row)

    async def history(self, job_id: uuid.UUID) -> list[JobHistoryRow]:
        stmt = (
            select(JobHistoryRow).where(JobHistoryRow.job_id == job_id).order_by(JobHistoryRow.seq)
        )
        return list((await self.session.scalars(stmt)).all())

    async def next_receipt_seq(self) -> int:
        return int(await self.session.scalar(select(receipt_no_seq.next_value())) or 0)

    def add_repair_card(self, row: RepairCardRow) -> None:
        self.session.add(row)

    async def repair_card(self, job_id: uuid.UUID) -> RepairCardRow | None:
        return await self.session.get(RepairCardRow, job_id)

    def log_workshop(self, row: WorkshopLogRow) -> None:
        self.session.add(row)

    async def workshop_log(self, job_id: uuid.UUID) -> list[WorkshopLogRow]:
        stmt = (
            select(WorkshopLogRow)
            .where(WorkshopLogRow.job_id == job_id)
            .order_by(WorkshopLogRow.seq)
        )
        return list((await self.session.scalars(stmt)).all())

    def add_signature(self, row: SignatureRow) -> None:
        self.session.add(row)

    async def signatures(self, job_id: uuid.UUID) -> list[SignatureRow]:
        stmt = (
            select(SignatureRow)
            .where(SignatureRow.job_id == job_id)
            .order_by(SignatureRow.signed_at)
        )
        return list((await self.session.scalars(stmt)).all())
