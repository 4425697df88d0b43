"""Queries of dispatch's tables; use cases never build SQL themselves."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Uuid, and_, exists, func, literal, select, tuple_, update
from sqlalchemy.ext.asyncio import AsyncSession

from aftersales.errors import NotFound
from aftersales.http.pagination import keyset_page, sync_page
from dispatch.adapters.tables import (
    CapacityOverrideRow,
    FaultCodeListRow,
    JobHistoryRow,
    JobOfferRow,
    JobRow,
    PointRow,
    RepairCardRow,
    SignatureRow,
    SlaTimerRow,
    StockLevelRow,
    StockMovementRow,
    TechnicianRow,
    WorkshopLogRow,
    receipt_no_seq,
)
from dispatch.domain.fault_codes import FaultCodes
from dispatch.domain.jobs import BOOKED
from dispatch.domain.points import CapacityOverride
from dispatch.domain.routing import Candidate


@dataclass(frozen=True)
class Scope:
    """What a caller may see: a point only its own, a technician only its own jobs."""

    point_id: uuid.UUID | None = None
    technician_id: uuid.UUID | None = None


class PointRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    def add(self, row: PointRow) -> None:
        self.session.add(row)

    async def get(
        self, point_id: uuid.UUID, *, scope: Scope = Scope(), lock: bool = False
    ) -> PointRow:
        row = await self.session.get(PointRow, point_id, with_for_update=lock)
        if row is None or (scope.point_id is not None and row.id != scope.point_id):
            raise NotFound(f"Network point {point_id} does not exist.")
        return row

    async def find(self, point_id: uuid.UUID) -> PointRow | None:
        return await self.session.get(PointRow, point_id)

    async def code_taken(self, code: str) -> bool:
        return bool(await self.session.scalar(select(exists().where(PointRow.code == code))))

    async def page(
        self,
        *,
        scope: Scope,
        region: str | None,
        category: str | None,
        active: bool | None,
        cursor: str | None,
        limit: int,
    ) -> tuple[list[PointRow], str | None]:
        stmt: Any = select(PointRow)
        if scope.point_id is not None:
            stmt = stmt.where(PointRow.id == scope.point_id)
        if region is not None:
            stmt = stmt.where(PointRow.regions.contains([region]))
        if category is not None:
            stmt = stmt.where(PointRow.categories.contains([category]))
        if active is not None:
            stmt = stmt.where(PointRow.active.is_(active))
        return await keyset_page(
            self.session,
            stmt,
            sort_col=PointRow.__table__.c.updated_at,
            id_col=PointRow.__table__.c.id,
            cursor=cursor,
            limit=limit,
        )

    async def routing_candidates(
        self, *, region: str, category: str, day: date, only: uuid.UUID | None = None
    ) -> list[Candidate]:
        """Active points serving region and category with a skilled active technician, with
        their capacity and booked jobs on ``day``."""
        override = (
            select(CapacityOverrideRow.daily_capacity)
            .where(
                CapacityOverrideRow.point_id == PointRow.id,
                CapacityOverrideRow.starts_on <= day,
                CapacityOverrideRow.ends_on >= day,
            )
            .limit(1)
            .scalar_subquery()
        )
        load = (
            select(func.count())
            .where(
                JobRow.point_id == PointRow.id,
                JobRow.service_date == day,
                JobRow.status.in_(BOOKED),
            )
            .scalar_subquery()
        )
        skilled = exists().where(
            TechnicianRow.point_id == PointRow.id,
            TechnicianRow.status == "active",
            TechnicianRow.skills.contains([category]),
        )
        stmt = select(
            PointRow.id,
            PointRow.code,
            PointRow.grade,
            func.coalesce(override, PointRow.daily_capacity),
            load,
        ).where(
            PointRow.active.is_(True),
            PointRow.regions.contains([region]),
            PointRow.categories.contains([category]),
            skilled,
        )
        if only is not None:
            stmt = stmt.where(PointRow.id == only)
        rows = (await self.session.execute(stmt)).all()
        return [Candidate(r[0], r[1], r[2], int(r[3]), int(r[4])) for r in rows]

    async def booked(self, point_id: uuid.UUID, day: date, *, besides: uuid.UUID) -> int:
        return int(
            await self.session.scalar(
                select(func.count()).where(
                    JobRow.point_id == point_id,
                    JobRow.service_date == day,
                    JobRow.status.in_(BOOKED),
                    JobRow.id != besides,
                )
            )
            or 0
        )

    async def booked_by_day(self, point_id: uuid.UUID, start: date, end: date) -> dict[date, int]:
        rows = await self.session.execute(
            select(JobRow.service_date, func.count())
            .where(
                JobRow.point_id == point_id,
                JobRow.service_date.between(start, end),
                JobRow.status.in_(BOOKED),
            )
            .group_by(JobRow.service_date)
        )
        return {d: int(n) for d, n in rows.all() if d is not None}

    async def overrides(
        self, point_id: uuid.UUID, start: date | None = None, end: date | None = None
    ) -> list[CapacityOverrideRow]:
        stmt = select(CapacityOverrideRow).where(CapacityOverrideRow.point_id == point_id)
        if start is not None and end is not None:
            stmt = stmt.where(
                CapacityOverrideRow.starts_on <= end, CapacityOverrideRow.ends_on >= start
            )
        return list(
            (await self.session.scalars(stmt.order_by(CapacityOverrideRow.starts_on))).all()
        )

    @staticmethod
    def as_domain(rows: Sequence[CapacityOverrideRow]) -> list[CapacityOverride]:
        return [CapacityOverride(r.id, r.starts_on, r.ends_on, r.daily_capacity) for r in rows]

    def add_override(self, row: CapacityOverrideRow) -> None:
        self.session.add(row)

    async def override(self, point_id: uuid.UUID, override_id: uuid.UUID) -> CapacityOverrideRow:
        row = await self.session.get(CapacityOverrideRow, override_id)
        if row is None or row.point_id != point_id:
            raise NotFound(f"Capacity override {override_id} does not exist.")
        return row

    async def delete_override(self, row: CapacityOverrideRow) -> None:
        await self.session.delete(row)


class TechnicianRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    def add(self, row: TechnicianRow) -> None:
        self.session.add(row)

    async def get(
        self, technician_id: uuid.UUID, *, scope: Scope = Scope(), lock: bool = False
    ) -> TechnicianRow:
        row = await self.session.get(TechnicianRow, technician_id, with_for_update=lock)
        if (
            row is None
            or (scope.point_id is not None and row.point_id != scope.point_id)
            or (scope.technician_id is not None and row.id != scope.technician_id)
        ):
            raise NotFound(f"Technician {technician_id} does not exist.")
        return row

    async def find(self, technician_id: uuid.UUID, *, lock: bool = False) -> TechnicianRow | None:
        return await self.session.get(TechnicianRow, technician_id, with_for_update=lock)

    async def page(
        self,
        *,
        point_id: uuid.UUID,
        scope: Scope,
        status: str | None,
        cursor: str | None,
        limit: int,
    ) -> tuple[list[TechnicianRow], str | None]:
        stmt: Any = select(TechnicianRow).where(TechnicianRow.point_id == point_id)
        if scope.technician_id is not None:
            stmt = stmt.where(TechnicianRow.id == scope.technician_id)
        if status is not None:
            stmt = stmt.where(TechnicianRow.status == status)
        return await keyset_page(
            self.session,
            stmt,
            sort_col=TechnicianRow.__table__.c.updated_at,
            id_col=TechnicianRow.__table__.c.id,
            cursor=cursor,
            limit=limit,
        )


@dataclass(frozen=True)
class JobFilter:
    scope: Scope = Scope()
    point_id: uuid.UUID | None = None
    technician_id: uuid.UUID | None = None
    status: str | None = None
    ticket_id: uuid.UUID | None = None
    updated_since: datetime | None = None


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
        ]
        for value, column in conditions:
            if value is not None:
                stmt = stmt.where(column == value)
        if where.updated_since is not None:
            stmt = stmt.where(JobRow.updated_at >= where.updated_since)
        return stmt

    async def page(
        self, where: JobFilter, *, cursor: str | None, limit: int
    ) -> tuple[list[JobRow], str | None]:
        return await keyset_page(
            self.session,
            self._listed(where),
            sort_col=JobRow.__table__.c.updated_at,
            id_col=JobRow.__table__.c.id,
            cursor=cursor,
            limit=limit,
        )

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


class TimerRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    def add(self, row: SlaTimerRow) -> None:
        self.session.add(row)

    async def settle(
        self, job_id: uuid.UUID, kinds: Sequence[str], state: str, now: datetime
    ) -> list[SlaTimerRow]:
        """Mark the job's pending timers of these kinds met/cancelled/fired; returns them."""
        stmt = (
            update(SlaTimerRow)
            .where(
                SlaTimerRow.job_id == job_id,
                SlaTimerRow.kind.in_(kinds),
                SlaTimerRow.state.in_(("pending", "paused")),
            )
            .values(state=state, settled_at=now, paused_at=None)
            .returning(SlaTimerRow)
        )
        return list((await self.session.scalars(stmt)).all())

    async def pause(self, job_ids: Sequence[uuid.UUID], kinds: Sequence[str], now: datetime) -> int:
        """Stop these jobs' running clocks of these kinds; returns how many stopped."""
        stmt = (
            update(SlaTimerRow)
            .where(
                SlaTimerRow.job_id.in_(job_ids),
                SlaTimerRow.kind.in_(kinds),
                SlaTimerRow.state == "pending",
            )
            .values(state="paused", paused_at=now)
        )
        return (await self.session.execute(stmt)).rowcount  # type: ignore[attr-defined,no-any-return]

    async def resume(self, job_ids: Sequence[uuid.UUID], now: datetime) -> int:
        """Every paused clock continues where it stopped: due later by the time paused."""
        stmt = (
            update(SlaTimerRow)
            .where(SlaTimerRow.job_id.in_(job_ids), SlaTimerRow.state == "paused")
            .values(
                state="pending",
                due_at=SlaTimerRow.due_at + (now - SlaTimerRow.paused_at),
                paused_at=None,
            )
        )
        return (await self.session.execute(stmt)).rowcount  # type: ignore[attr-defined,no-any-return]

    async def next_due(self, now: datetime, *, skip: Sequence[uuid.UUID]) -> SlaTimerRow | None:
        """The earliest due timer no other replica is firing right now (``SKIP LOCKED``)."""
        conditions = [SlaTimerRow.state == "pending", SlaTimerRow.due_at <= now]
        if skip:
            conditions.append(SlaTimerRow.id.not_in(skip))
        stmt = (
            select(SlaTimerRow)
            .where(and_(*conditions))
            .order_by(SlaTimerRow.due_at)
            .limit(1)
            .with_for_update(skip_locked=True)
        )
        return (await self.session.scalars(stmt)).one_or_none()

    async def of_job(self, job_id: uuid.UUID) -> list[SlaTimerRow]:
        stmt = select(SlaTimerRow).where(SlaTimerRow.job_id == job_id).order_by(SlaTimerRow.due_at)
        return list((await self.session.scalars(stmt)).all())

    async def lock_job_if_free(self, job_id: uuid.UUID) -> JobRow | None:
        stmt = select(JobRow).where(JobRow.id == job_id).with_for_update(skip_locked=True)
        return (await self.session.scalars(stmt)).one_or_none()


class FaultCodeRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, category: str) -> FaultCodes | None:
        row = await self.session.get(FaultCodeListRow, category)
        return None if row is None else fault_codes_of(row)

    async def row(self, category: str, *, lock: bool = False) -> FaultCodeListRow | None:
        stmt = select(FaultCodeListRow).where(FaultCodeListRow.category == category)
        if lock:
            stmt = stmt.with_for_update()
        return (await self.session.scalars(stmt)).one_or_none()

    async def all(self, category: str | None = None) -> list[FaultCodeListRow]:
        stmt = select(FaultCodeListRow).order_by(FaultCodeListRow.category)
        if category is not None:
            stmt = stmt.where(FaultCodeListRow.category == category)
        return list((await self.session.scalars(stmt)).all())

    def add(self, row: FaultCodeListRow) -> None:
        self.session.add(row)


def fault_codes_of(row: FaultCodeListRow) -> FaultCodes:
    return FaultCodes(row.category, row.symptoms, row.causes, row.actions)


async def workshop_register(
    session: AsyncSession,
    point_id: uuid.UUID,
    *,
    status: str,
    received_before: datetime | None,
    limit: int,
) -> list[tuple[RepairCardRow, JobRow]]:
    """The point's products taken in (``in``: not returned yet), oldest first."""
    stmt = (
        select(RepairCardRow, JobRow)
        .join(JobRow, JobRow.id == RepairCardRow.job_id)
        .where(JobRow.point_id == point_id)
        .order_by(RepairCardRow.received_at, RepairCardRow.job_id)
        .limit(limit)
    )
    if status == "in":
        stmt = stmt.where(RepairCardRow.returned_at.is_(None))
    elif status == "out":
        stmt = stmt.where(RepairCardRow.returned_at.is_not(None))
    if received_before is not None:
        stmt = stmt.where(RepairCardRow.received_at < received_before)
    return [(r[0], r[1]) for r in (await session.execute(stmt)).all()]


@dataclass(frozen=True)
class StockFilter:
    locations: Sequence[uuid.UUID] | None = None  # None: every location (the network's staff)
    location_id: uuid.UUID | None = None
    sku: str | None = None
    below_reorder: bool = False
    shortfall: bool = False


class StockRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def levels(
        self, where: StockFilter, *, after: tuple[str, str] | None, limit: int
    ) -> list[StockLevelRow]:
        """Levels in (location, SKU) order, after the cursor's key."""
        stmt = select(StockLevelRow)
        if where.locations is not None:
            stmt = stmt.where(StockLevelRow.location_id.in_(where.locations))
        if where.location_id is not None:
            stmt = stmt.where(StockLevelRow.location_id == where.location_id)
        if where.sku is not None:
            stmt = stmt.where(StockLevelRow.sku == where.sku)
        if where.shortfall:
            stmt = stmt.where(StockLevelRow.shortfall > 0)
        if where.below_reorder:
            stmt = stmt.where(
                StockLevelRow.reorder_level.is_not(None),
                StockLevelRow.on_hand < StockLevelRow.reorder_level,
            )
        if after is not None:
            # The primary key's own order, so a page is an index range scan even across
            # ten million levels (a cast here would sort them all).
            stmt = stmt.where(
                tuple_(StockLevelRow.location_id, StockLevelRow.sku)
                > tuple_(literal(uuid.UUID(after[0]), Uuid()), literal(after[1]))
            )
        stmt = stmt.order_by(StockLevelRow.location_id, StockLevelRow.sku)
        return list((await self.session.scalars(stmt.limit(limit + 1))).all())

    async def movements(
        self,
        where: StockFilter,
        *,
        start: datetime | None,
        end: datetime | None,
        cursor: str | None,
        limit: int,
    ) -> tuple[list[StockMovementRow], str | None]:
        stmt: Any = select(StockMovementRow)
        if where.locations is not None:
            stmt = stmt.where(StockMovementRow.location_id.in_(where.locations))
        if where.location_id is not None:
            stmt = stmt.where(StockMovementRow.location_id == where.location_id)
        if where.sku is not None:
            stmt = stmt.where(StockMovementRow.sku == where.sku)
        if start is not None:
            stmt = stmt.where(StockMovementRow.at >= start)
        if end is not None:
            stmt = stmt.where(StockMovementRow.at < end)
        return await keyset_page(
            self.session,
            stmt,
            sort_col=StockMovementRow.__table__.c.at,
            id_col=StockMovementRow.__table__.c.id,
            cursor=cursor,
            limit=limit,
        )
