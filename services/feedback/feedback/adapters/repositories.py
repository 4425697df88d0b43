"""Queries of feedback's tables; use cases never build SQL themselves."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Integer, String, and_, func, or_, select, text, true
from sqlalchemy import column as sql_column
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncSession

from aftersales.errors import NotFound
from aftersales.http.pagination import keyset_page
from feedback.adapters.tables import (
    CallbackAttemptRow,
    CallbackRow,
    CarePlanRow,
    CareVisitRow,
    ComplaintRow,
    GradingRow,
    SlaBreachRow,
    StrikeRow,
    TicketContactRow,
    TicketPartyRow,
)
from feedback.domain.callbacks import NOT_FIXED


@dataclass(frozen=True)
class Scope:
    point_id: uuid.UUID | None = None
    tenant_id: str | None = None


class ContactRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, ticket_id: uuid.UUID) -> TicketContactRow | None:
        return await self.session.get(TicketContactRow, ticket_id)

    async def record(self, values: dict[str, Any]) -> bool:
        """Keep the ticket's contact; True the first time this ticket is heard of."""
        inserted = await self.session.scalar(
            pg_insert(TicketContactRow)
            .values(**values)
            .on_conflict_do_nothing(index_elements=["ticket_id"])
            .returning(TicketContactRow.ticket_id)
        )
        return inserted is not None

    async def record_breach(self, values: dict[str, Any]) -> None:
        await self.session.execute(
            pg_insert(SlaBreachRow)
            .values(**values)
            .on_conflict_do_nothing(index_elements=["event_id"])
        )


# How far a party came with a ticket's job; a later event never lowers it.
PARTY_HOW = ("offered", "assigned", "served")


class PartyRepository:
    """Who was offered, assigned or served a ticket's jobs."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def record(
        self, ticket_id: uuid.UUID, kind: str, party_id: uuid.UUID, how: str, at: datetime
    ) -> None:
        stmt = pg_insert(TicketPartyRow).values(
            ticket_id=ticket_id, kind=kind, party_id=party_id, how=how, first_seen_at=at
        )
        ranks = ",".join(f"'{h}'" for h in PARTY_HOW)
        rank = f"array_position(ARRAY[{ranks}]::varchar[], {{}}.how)"
        higher = f"{rank.format('excluded')} > {rank.format('ticket_parties')}"
        await self.session.execute(
            stmt.on_conflict_do_update(
                index_elements=["ticket_id", "kind", "party_id"],
                set_={
                    "how": text(
                        f"CASE WHEN {higher} THEN excluded.how ELSE ticket_parties.how END"
                    ),
                    "first_seen_at": text(
                        "least(ticket_parties.first_seen_at, excluded.first_seen_at)"
                    ),
                },
                where=text(f"{higher} OR excluded.first_seen_at < ticket_parties.first_seen_at"),
            )
        )

    async def strangers(
        self, ticket_id: uuid.UUID, named: Sequence[tuple[str, uuid.UUID]]
    ) -> list[tuple[str, uuid.UUID]]:
        """Those of ``named`` (kind, id) that no job of the ticket was offered, assigned or
        done by, in the order given."""
        if not named:
            return []
        stmt = select(TicketPartyRow.kind, TicketPartyRow.party_id).where(
            TicketPartyRow.ticket_id == ticket_id,
            TicketPartyRow.party_id.in_([party for _, party in named]),
        )
        known = {(r[0], r[1]) for r in (await self.session.execute(stmt)).all()}
        return [n for n in named if n not in known]


@dataclass(frozen=True)
class CallbackFilter:
    scope: Scope = Scope()
    status: str | None = None
    overdue_at: datetime | None = None
    point_id: uuid.UUID | None = None
    ticket_id: uuid.UUID | None = None
    month: str | None = None


class CallbackRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def due_of_ticket(self, ticket_id: uuid.UUID) -> list[CallbackRow]:
        stmt = (
            select(CallbackRow)
            .where(CallbackRow.ticket_id == ticket_id, CallbackRow.status == "due")
            .with_for_update()
        )
        return list((await self.session.scalars(stmt)).all())

    async def create(self, values: dict[str, Any]) -> bool:
        """One callback per job, and one per ticket solved on the phone (no job)."""
        stmt = pg_insert(CallbackRow).values(**values)
        if values.get("job_id") is None:
            stmt = stmt.on_conflict_do_nothing(
                index_elements=["ticket_id"], index_where=CallbackRow.job_id.is_(None)
            )
        else:
            stmt = stmt.on_conflict_do_nothing(index_elements=["job_id"])
        inserted = await self.session.execute(stmt.returning(CallbackRow.id))
        return inserted.scalar_one_or_none() is not None

    async def get(
        self, callback_id: uuid.UUID, *, scope: Scope = Scope(), lock: bool = False
    ) -> CallbackRow:
        row = await self.session.get(CallbackRow, callback_id, with_for_update=lock)
        if row is None or (scope.point_id is not None and row.point_id != scope.point_id):
            raise NotFound(f"Callback {callback_id} does not exist.")
        return row

    async def latest_of_ticket(self, ticket_id: uuid.UUID) -> CallbackRow | None:
        stmt = (
            select(CallbackRow)
            .where(CallbackRow.ticket_id == ticket_id)
            .order_by(CallbackRow.visit_number.desc())
            .limit(1)
        )
        return (await self.session.scalars(stmt)).first()

    def add_attempt(self, row: CallbackAttemptRow) -> None:
        self.session.add(row)

    async def attempts(self, callback_id: uuid.UUID) -> list[CallbackAttemptRow]:
        stmt = (
            select(CallbackAttemptRow)
            .where(CallbackAttemptRow.callback_id == callback_id)
            .order_by(CallbackAttemptRow.id)
        )
        return list((await self.session.scalars(stmt)).all())

    async def page(
        self, where: CallbackFilter, *, cursor: str | None, limit: int
    ) -> tuple[list[CallbackRow], str | None]:
        stmt: Any = select(CallbackRow)
        for value, column in (
            (where.scope.point_id, CallbackRow.point_id),
            (where.point_id, CallbackRow.point_id),
            (where.status, CallbackRow.status),
            (where.ticket_id, CallbackRow.ticket_id),
            (where.month, CallbackRow.month),
        ):
            if value is not None:
                stmt = stmt.where(column == value)
        if where.overdue_at is not None:
            stmt = stmt.where(CallbackRow.status == "due", CallbackRow.due_at < where.overdue_at)
        return await keyset_page(
            self.session,
            stmt,
            sort_col=CallbackRow.__table__.c.updated_at,
            id_col=CallbackRow.__table__.c.id,
            cursor=cursor,
            limit=limit,
        )

    async def counts(
        self, month: str, *, by: str, only: uuid.UUID | None = None
    ) -> dict[uuid.UUID, dict[str, int]]:
        """Per point (or technician): the callback-side counts of a scorecard."""
        key = CallbackRow.point_id if by == "point" else CallbackRow.technician_id
        reached = CallbackRow.reached.is_(True)
        first = CallbackRow.visit_number == 1

        def n(condition: Any) -> Any:
            return func.count().filter(condition)

        breached = (
            select(SlaBreachRow.event_id).where(SlaBreachRow.job_id == CallbackRow.job_id).exists()
        )
        stmt = (
            select(
                key,
                func.count(),
                n(CallbackRow.visit_number > 1),
                n(reached),
                n(and_(reached, CallbackRow.outcome == "satisfied")),
                n(and_(reached, first)),
                n(and_(reached, first, CallbackRow.outcome.not_in(NOT_FIXED))),
                n(CallbackRow.outcome == "bad_attitude"),
                n(breached),
                n(CallbackRow.arrived_late_minutes > 0),
                n(CallbackRow.status == "unreachable"),
            )
            .where(CallbackRow.month == month, key.is_not(None))  # not calls after phone fixes
            .group_by(key)
        )
        if only is not None:
            stmt = stmt.where(key == only)
        names = (
            "jobs",
            "repeat_jobs",
            "callbacks_reached",
            "satisfied",
            "first_visit_reached",
            "first_visit_fixed",
            "attitude_complaints",
            "breached_jobs",
            "late_arrivals",
            "unreachable",
        )
        return {
            r[0]: dict(zip(names, (int(v) for v in r[1:]), strict=True))
            for r in (await self.session.execute(stmt)).all()
        }

    async def work(self, month: str, *, by: str) -> list[Any]:
        key = CallbackRow.point_id if by == "point" else CallbackRow.technician_id
        stmt = (
            select(
                key,
                func.count(),
                func.count().filter(CallbackRow.resolution == "on_site"),
                func.count().filter(CallbackRow.resolution == "workshop"),
                func.coalesce(func.sum(CallbackRow.labor_minutes), 0),
                func.coalesce(func.sum(CallbackRow.travel_km), 0),
                func.coalesce(func.sum(func.jsonb_array_length(CallbackRow.parts)), 0),
                func.count().filter(CallbackRow.reached.is_(True)),
                func.count().filter(CallbackRow.outcome == "satisfied"),
                func.count().filter(CallbackRow.arrived_late_minutes > 0),
            )
            .where(CallbackRow.month == month, key.is_not(None))
            .group_by(key)
            .order_by(key)
        )
        return list((await self.session.execute(stmt)).all())

    async def quality(self, months: Sequence[str]) -> list[Any]:
        """Per product model: jobs, tickets, later visits, and the parts replaced."""
        stmt = (
            select(
                func.coalesce(TicketContactRow.product_model, "unknown"),
                func.coalesce(TicketContactRow.category, "unknown"),
                func.count(),
                func.count(func.distinct(CallbackRow.ticket_id)),
                func.count().filter(CallbackRow.visit_number > 1),
                func.count().filter(CallbackRow.outcome.in_(NOT_FIXED)),
            )
            .select_from(CallbackRow)
            .join(
                TicketContactRow, TicketContactRow.ticket_id == CallbackRow.ticket_id, isouter=True
            )
            .where(CallbackRow.month.in_(months), CallbackRow.job_id.is_not(None))
            .group_by(TicketContactRow.product_model, TicketContactRow.category)
        )
        return list((await self.session.execute(stmt)).all())

    async def faults(self, months: Sequence[str], *, batch_prefix: int) -> list[Any]:
        """Jobs by model, batch (the serial's first ``batch_prefix`` characters), codes and
        outcome: where a fault clusters."""
        batch = func.left(CallbackRow.serial_no, batch_prefix)
        key = (
            CallbackRow.model,
            batch,
            CallbackRow.symptom_code,
            CallbackRow.cause_code,
            CallbackRow.action_code,
            CallbackRow.report_outcome,
        )
        stmt = (
            select(*key, func.count())
            .where(
                CallbackRow.month.in_(months),
                or_(
                    CallbackRow.cause_code.is_not(None),
                    CallbackRow.symptom_code.is_not(None),
                    CallbackRow.report_outcome.in_(("no_fault_found", "misuse")),
                ),
            )
            .group_by(*key)
            .order_by(func.count().desc())
        )
        return list((await self.session.execute(stmt)).all())

    async def parts_by_model(self, months: Sequence[str]) -> list[Any]:
        part = (
            func.jsonb_to_recordset(CallbackRow.parts)
            .table_valued(sql_column("sku", String), sql_column("qty", Integer))
            .render_derived(with_types=True)
            .alias("part")
        )
        stmt = (
            select(
                func.coalesce(TicketContactRow.product_model, "unknown"),
                part.c.sku,
                func.sum(part.c.qty),
                func.count(),
            )
            .select_from(CallbackRow)
            .join(part, true())
            .join(
                TicketContactRow, TicketContactRow.ticket_id == CallbackRow.ticket_id, isouter=True
            )
            .where(CallbackRow.month.in_(months))
            .group_by(TicketContactRow.product_model, part.c.sku)
        )
        return list((await self.session.execute(stmt)).all())

    async def comments(self, months: Sequence[str], limit: int) -> list[Any]:
        stmt = (
            select(
                func.coalesce(TicketContactRow.product_model, "unknown"),
                CallbackRow.outcome,
                CallbackRow.score,
                CallbackRow.comment,
                CallbackRow.recorded_at,
            )
            .select_from(CallbackRow)
            .join(
                TicketContactRow, TicketContactRow.ticket_id == CallbackRow.ticket_id, isouter=True
            )
            .where(
                CallbackRow.month.in_(months),
                CallbackRow.comment.is_not(None),
                CallbackRow.comment != "",
            )
            .order_by(CallbackRow.recorded_at.desc())
            .limit(limit)
        )
        return list((await self.session.execute(stmt)).all())


@dataclass(frozen=True)
class ComplaintFilter:
    scope: Scope = Scope()
    status: str | None = None
    ticket_id: uuid.UUID | None = None
    point_id: uuid.UUID | None = None
    overdue_at: datetime | None = None


class ComplaintRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    def add(self, row: ComplaintRow) -> None:
        self.session.add(row)

    async def get(
        self, complaint_id: uuid.UUID, *, scope: Scope = Scope(), lock: bool = False
    ) -> ComplaintRow:
        row = await self.session.get(ComplaintRow, complaint_id, with_for_update=lock)
        if row is None or (scope.tenant_id is not None and row.tenant_id != scope.tenant_id):
            raise NotFound(f"Complaint {complaint_id} does not exist.")
        return row

    async def page(
        self, where: ComplaintFilter, *, cursor: str | None, limit: int
    ) -> tuple[list[ComplaintRow], str | None]:
        stmt: Any = select(ComplaintRow)
        for value, column in (
            (where.scope.tenant_id, ComplaintRow.tenant_id),
            (where.status, ComplaintRow.status),
            (where.ticket_id, ComplaintRow.ticket_id),
            (where.point_id, ComplaintRow.point_id),
        ):
            if value is not None:
                stmt = stmt.where(column == value)
        if where.overdue_at is not None:
            now = where.overdue_at
            stmt = stmt.where(
                or_(
                    and_(ComplaintRow.replied_at.is_(None), ComplaintRow.reply_by < now),
                    and_(ComplaintRow.resolved_at.is_(None), ComplaintRow.resolve_by < now),
                    ComplaintRow.reply_overdue_at.is_not(None),
                    ComplaintRow.resolve_overdue_at.is_not(None),
                )
            )
        return await keyset_page(
            self.session,
            stmt,
            sort_col=ComplaintRow.__table__.c.updated_at,
            id_col=ComplaintRow.__table__.c.id,
            cursor=cursor,
            limit=limit,
        )

    async def next_overdue(self, now: datetime, skip: Sequence[uuid.UUID]) -> ComplaintRow | None:
        """A complaint whose missed deadline has not been reported yet (``SKIP LOCKED``)."""
        reply_missed = and_(
            ComplaintRow.reply_overdue_at.is_(None),
            ComplaintRow.replied_at.is_(None),
            ComplaintRow.reply_by < now,
        )
        resolve_missed = and_(
            ComplaintRow.resolve_overdue_at.is_(None),
            ComplaintRow.resolved_at.is_(None),
            ComplaintRow.resolve_by < now,
        )
        conditions: list[Any] = [or_(reply_missed, resolve_missed)]
        if skip:
            conditions.append(ComplaintRow.id.not_in(skip))
        stmt = select(ComplaintRow).where(*conditions).limit(1).with_for_update(skip_locked=True)
        return (await self.session.scalars(stmt)).one_or_none()

    async def counts(self, month: str, *, by: str) -> dict[uuid.UUID, int]:
        """Complaints opened in the month, per point (or technician): the work report's."""
        key = ComplaintRow.point_id if by == "point" else ComplaintRow.technician_id
        stmt = (
            select(key, func.count())
            .where(ComplaintRow.month == month, key.is_not(None))
            .group_by(key)
        )
        return {r[0]: int(r[1]) for r in (await self.session.execute(stmt)).all() if r[0]}

    async def substantiated(self, month: str, *, by: str) -> dict[uuid.UUID, int]:
        """Substantiated complaints the month's scorecards count (``counted_month``), per point
        (or technician): one only opened, or found unsubstantiated, counts nowhere."""
        key = ComplaintRow.point_id if by == "point" else ComplaintRow.technician_id
        stmt = (
            select(key, func.count())
            .where(
                ComplaintRow.counted_month == month,
                ComplaintRow.substantiated.is_(True),
                key.is_not(None),
            )
            .group_by(key)
        )
        return {r[0]: int(r[1]) for r in (await self.session.execute(stmt)).all() if r[0]}

    def add_strike(self, row: StrikeRow) -> None:
        self.session.add(row)

    async def strikes(self, technician_id: uuid.UUID) -> list[StrikeRow]:
        stmt = (
            select(StrikeRow).where(StrikeRow.technician_id == technician_id).order_by(StrikeRow.at)
        )
        return list((await self.session.scalars(stmt)).all())


class SlaRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def breaches(self, month: str) -> dict[uuid.UUID, int]:
        stmt = (
            select(SlaBreachRow.point_id, func.count())
            .where(SlaBreachRow.month == month, SlaBreachRow.point_id.is_not(None))
            .group_by(SlaBreachRow.point_id)
        )
        return {r[0]: int(r[1]) for r in (await self.session.execute(stmt)).all() if r[0]}


def _month_key(month: str) -> int:
    digest = hashlib.sha256(f"feedback-grading:{month}".encode()).digest()
    return int.from_bytes(digest[:8], "big", signed=True)


class GradingRepository:
    """Grading a month and counting a complaint into it exclude each other (advisory locks):
    a complaint substantiated while its month is being graded waits, then counts in the next."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def lock_for_grading(self, month: str) -> None:
        await self.session.execute(
            text("SELECT pg_advisory_xact_lock(:k)"), {"k": _month_key(month)}
        )

    async def lock_for_counting(self, month: str) -> None:
        await self.session.execute(
            text("SELECT pg_advisory_xact_lock_shared(:k)"), {"k": _month_key(month)}
        )

    async def is_graded(self, month: str) -> bool:
        """The month has been graded (a grade is kept for it)."""
        stmt = select(GradingRow.month).where(GradingRow.month == month).limit(1)
        return (await self.session.scalar(stmt)) is not None

    async def of_month(self, month: str) -> dict[uuid.UUID, GradingRow]:
        stmt = select(GradingRow).where(GradingRow.month == month).with_for_update()
        return {r.point_id: r for r in (await self.session.scalars(stmt)).all()}

    def add(self, row: GradingRow) -> None:
        self.session.add(row)


class CareRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    def add(self, row: CarePlanRow) -> None:
        self.session.add(row)

    async def get(self, plan_id: uuid.UUID, *, lock: bool = False) -> CarePlanRow:
        row = await self.session.get(CarePlanRow, plan_id, with_for_update=lock)
        if row is None:
            raise NotFound(f"Care plan {plan_id} does not exist.")
        return row

    def add_visit(self, row: CareVisitRow) -> None:
        self.session.add(row)

    async def visits(self, plan_id: uuid.UUID) -> list[CareVisitRow]:
        stmt = (
            select(CareVisitRow)
            .where(CareVisitRow.plan_id == plan_id)
            .order_by(CareVisitRow.visited_on)
        )
        return list((await self.session.scalars(stmt)).all())

    async def page(
        self, *, due_by: date | None, customer_id: uuid.UUID | None, cursor: str | None, limit: int
    ) -> tuple[list[CarePlanRow], str | None]:
        stmt: Any = select(CarePlanRow).where(CarePlanRow.active.is_(True))
        if due_by is not None:
            stmt = stmt.where(CarePlanRow.next_due_on <= due_by)
        if customer_id is not None:
            stmt = stmt.where(CarePlanRow.customer_id == customer_id)
        return await keyset_page(
            self.session,
            stmt,
            sort_col=CarePlanRow.__table__.c.updated_at,
            id_col=CarePlanRow.__table__.c.id,
            cursor=cursor,
            limit=limit,
        )
