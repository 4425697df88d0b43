"""Queries of billing's tables; use cases never build SQL themselves."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import and_, case, delete, func, select, text, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncSession

from aftersales.errors import NotFound
from aftersales.http.pagination import keyset_page, sync_page
from billing.adapters.tables import (
    AdminWorkRow,
    CallbackFactsRow,
    CampaignRow,
    CashHandoverRow,
    CashRemittanceRow,
    ChargeLineRow,
    ChargeRow,
    ClosedMonthRow,
    CompletedJobRow,
    ContractInvoiceRow,
    ContractPaymentRow,
    ContractProductRow,
    ContractRow,
    CreditNoteRow,
    DocumentCounterRow,
    GradedMonthRow,
    InvoiceRow,
    PaymentRow,
    PlannedVisitRow,
    PointDeductionRow,
    PointFactsRow,
    PointGradeRow,
    PriceListRow,
    ReconciliationRow,
    RemedyRow,
    SettlementRow,
    StaffPenaltyRow,
    TicketFactsRow,
)
from billing.domain.classification import Campaign


@dataclass(frozen=True)
class Scope:
    """A point reads only its own charges and settlements; a technician only its jobs' charges."""

    point_id: uuid.UUID | None = None
    technician_id: uuid.UUID | None = None

    def allows(self, point_id: uuid.UUID | None, technician_id: uuid.UUID | None) -> bool:
        if self.point_id is not None and point_id != self.point_id:
            return False
        return not (self.technician_id is not None and technician_id != self.technician_id)


def _lock_key(kind: str, value: object) -> int:
    """The advisory-lock key of one billing thing (a month, a ticket)."""
    digest = hashlib.sha256(f"billing-{kind}:{value}".encode()).digest()
    return int.from_bytes(digest[:8], "big", signed=True)


class Months:
    """Closing a month and recording a fact into it exclude each other (advisory locks)."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def lock_for_fact(self, month: str) -> None:
        await self.session.execute(
            text("SELECT pg_advisory_xact_lock_shared(:k)"), {"k": _lock_key("month", month)}
        )

    async def lock_for_close(self, month: str) -> None:
        await self.session.execute(
            text("SELECT pg_advisory_xact_lock(:k)"), {"k": _lock_key("month", month)}
        )

    async def closed(self) -> set[str]:
        return set((await self.session.scalars(select(ClosedMonthRow.month))).all())

    async def is_closed(self, month: str) -> bool:
        return await self.session.get(ClosedMonthRow, month) is not None

    async def graded(self, month: str) -> bool:
        return await self.session.get(GradedMonthRow, month) is not None

    async def record_grading(self, month: str, at: datetime) -> None:
        stmt = pg_insert(GradedMonthRow).values(month=month, runs=1, last_completed_at=at)
        await self.session.execute(
            stmt.on_conflict_do_update(
                index_elements=["month"],
                set_={
                    "runs": GradedMonthRow.runs + 1,
                    "last_completed_at": func.greatest(
                        GradedMonthRow.last_completed_at, stmt.excluded.last_completed_at
                    ),
                },
            )
        )

    def close(self, row: ClosedMonthRow) -> None:
        self.session.add(row)


class FactsRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def lock_ticket(self, ticket_id: uuid.UUID) -> None:
        """Take the ticket's lock for this transaction. A ticket's facts and its completed jobs
        arrive on two streams and may be handled at the same moment; whichever takes the lock
        second then sees the other's commit, so neither can miss the other."""
        await self.session.execute(
            text("SELECT pg_advisory_xact_lock(:k)"), {"k": _lock_key("ticket", ticket_id)}
        )

    async def ticket(self, ticket_id: uuid.UUID) -> TicketFactsRow | None:
        return await self.session.get(TicketFactsRow, ticket_id)

    async def record_completed_job(self, values: dict[str, Any]) -> bool:
        inserted = await self.session.execute(
            pg_insert(CompletedJobRow)
            .values(**values)
            .on_conflict_do_nothing(index_elements=["job_id"])
            .returning(CompletedJobRow.job_id)
        )
        return inserted.scalar_one_or_none() is not None

    async def unfixed_callback_before(
        self,
        ticket_id: uuid.UUID,
        point_id: uuid.UUID,
        before: datetime,
        outcomes: frozenset[str],
    ) -> CallbackFactsRow | None:
        stmt = (
            select(CallbackFactsRow)
            .where(
                CallbackFactsRow.ticket_id == ticket_id,
                CallbackFactsRow.point_id == point_id,
                CallbackFactsRow.outcome.in_(outcomes),
                CallbackFactsRow.recorded_at < before,
            )
            .order_by(CallbackFactsRow.recorded_at)
            .limit(1)
        )
        return (await self.session.scalars(stmt)).one_or_none()

    async def record_callback(self, values: dict[str, Any]) -> bool:
        inserted = await self.session.execute(
            pg_insert(CallbackFactsRow)
            .values(**values)
            .on_conflict_do_nothing(index_elements=["callback_id"])
            .returning(CallbackFactsRow.callback_id)
        )
        return inserted.scalar_one_or_none() is not None

    async def reworks_after(
        self, ticket_id: uuid.UUID, point_id: uuid.UUID, after: datetime
    ) -> list[ChargeRow]:
        """The point's charges of this ticket for work done after ``after`` (locked)."""
        stmt = (
            select(ChargeRow)
            .where(
                ChargeRow.ticket_id == ticket_id,
                ChargeRow.point_id == point_id,
                ChargeRow.job_id.is_not(None),
                ChargeRow.completed_at > after,
                ChargeRow.unpaid_reason.is_(None),
            )
            .with_for_update()
        )
        return list((await self.session.scalars(stmt)).all())

    async def add_staff_penalty(self, values: dict[str, Any]) -> None:
        await self.session.execute(
            pg_insert(StaffPenaltyRow)
            .values(**values)
            .on_conflict_do_nothing(index_elements=["complaint_id"])
        )

    async def staff_penalties(
        self, technician_id: uuid.UUID | None, month: str | None, limit: int = 5000
    ) -> list[StaffPenaltyRow]:
        stmt = select(StaffPenaltyRow).order_by(StaffPenaltyRow.decided_at)
        if technician_id is not None:
            stmt = stmt.where(StaffPenaltyRow.technician_id == technician_id)
        if month is not None:
            stmt = stmt.where(StaffPenaltyRow.month == month)
        return list((await self.session.scalars(stmt.limit(limit))).all())

    async def point(self, point_id: uuid.UUID) -> PointFactsRow | None:
        return await self.session.get(PointFactsRow, point_id)

    async def partners(self) -> set[uuid.UUID]:
        stmt = select(PointFactsRow.point_id).where(PointFactsRow.is_partner.is_(True))
        return set((await self.session.scalars(stmt)).all())

    async def completed_job(self, job_id: uuid.UUID) -> CompletedJobRow | None:
        stmt = select(CompletedJobRow).where(CompletedJobRow.job_id == job_id).with_for_update()
        return (await self.session.scalars(stmt)).one_or_none()

    async def pending_of_ticket(self, ticket_id: uuid.UUID) -> list[CompletedJobRow]:
        stmt = (
            select(CompletedJobRow)
            .where(CompletedJobRow.ticket_id == ticket_id, CompletedJobRow.charge_id.is_(None))
            .with_for_update()
        )
        return list((await self.session.scalars(stmt)).all())

    async def next_pending(
        self, skip: Sequence[uuid.UUID], *, waiting_for: str
    ) -> CompletedJobRow | None:
        conditions = [
            CompletedJobRow.charge_id.is_(None),
            CompletedJobRow.waiting_for == waiting_for,
        ]
        if skip:
            conditions.append(CompletedJobRow.job_id.not_in(skip))
        stmt = (
            select(CompletedJobRow)
            .where(and_(*conditions))
            .order_by(CompletedJobRow.received_at)
            .limit(1)
            .with_for_update(skip_locked=True)
        )
        return (await self.session.scalars(stmt)).one_or_none()

    async def add_deduction(self, values: dict[str, Any]) -> None:
        await self.session.execute(
            pg_insert(PointDeductionRow)
            .values(**values)
            .on_conflict_do_nothing(index_elements=["kind", "source_id"])
        )

    async def record_grade(self, values: dict[str, Any]) -> None:
        stmt = pg_insert(PointGradeRow).values(**values)
        await self.session.execute(
            stmt.on_conflict_do_update(
                index_elements=["point_id", "month"],
                set_={"grade": stmt.excluded.grade, "graded_at": stmt.excluded.graded_at},
                where=PointGradeRow.graded_at <= stmt.excluded.graded_at,
            )
        )


class PriceListRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def latest(self, *, lock: bool = False) -> PriceListRow | None:
        stmt = select(PriceListRow).order_by(PriceListRow.version.desc()).limit(1)
        if lock:
            await self.session.execute(text("LOCK TABLE billing.price_lists IN EXCLUSIVE MODE"))
        return (await self.session.scalars(stmt)).one_or_none()

    async def in_force(self, at: datetime) -> PriceListRow | None:
        stmt = (
            select(PriceListRow)
            .where(PriceListRow.effective_from <= at)
            .order_by(PriceListRow.effective_from.desc(), PriceListRow.version.desc())
            .limit(1)
        )
        return (await self.session.scalars(stmt)).one_or_none()

    async def first(self) -> PriceListRow | None:
        stmt = (
            select(PriceListRow)
            .order_by(PriceListRow.effective_from, PriceListRow.version)
            .limit(1)
        )
        return (await self.session.scalars(stmt)).one_or_none()

    async def version(self, version: int) -> PriceListRow:
        row = await self.session.get(PriceListRow, version)
        if row is None:
            raise NotFound(f"Price list version {version} does not exist.")
        return row

    async def versions(self) -> list[PriceListRow]:
        stmt = select(PriceListRow).order_by(PriceListRow.version.desc()).limit(100)
        return list((await self.session.scalars(stmt)).all())

    def add(self, row: PriceListRow) -> None:
        self.session.add(row)


class ContractRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, row: ContractRow, product_ids: Sequence[uuid.UUID]) -> None:
        self.session.add(row)
        await self.session.flush()
        for pid in product_ids:
            self.session.add(ContractProductRow(contract_id=row.id, product_id=pid))

    async def get(self, contract_id: uuid.UUID, *, lock: bool = False) -> ContractRow:
        stmt = select(ContractRow).where(ContractRow.id == contract_id)
        row = (await self.session.scalars(stmt.with_for_update() if lock else stmt)).one_or_none()
        if row is None:
            raise NotFound(f"Contract {contract_id} does not exist.")
        return row

    def plan_visit(self, row: PlannedVisitRow) -> None:
        self.session.add(row)

    def add_invoice(self, row: ContractInvoiceRow) -> None:
        self.session.add(row)

    def add_payment(self, row: ContractPaymentRow) -> None:
        self.session.add(row)

    async def invoice(self, invoice_id: uuid.UUID, *, lock: bool = False) -> ContractInvoiceRow:
        stmt = select(ContractInvoiceRow).where(ContractInvoiceRow.id == invoice_id)
        row = (await self.session.scalars(stmt.with_for_update() if lock else stmt)).one_or_none()
        if row is None:
            raise NotFound(f"Contract invoice {invoice_id} does not exist.")
        return row

    async def invoices(self, contract_id: uuid.UUID) -> list[ContractInvoiceRow]:
        stmt = (
            select(ContractInvoiceRow)
            .where(ContractInvoiceRow.contract_id == contract_id)
            .order_by(ContractInvoiceRow.period_start)
        )
        return list((await self.session.scalars(stmt)).all())

    async def contract_payments(self, invoice_id: uuid.UUID) -> list[ContractPaymentRow]:
        stmt = (
            select(ContractPaymentRow)
            .where(ContractPaymentRow.contract_invoice_id == invoice_id)
            .order_by(ContractPaymentRow.paid_at)
        )
        return list((await self.session.scalars(stmt)).all())

    async def planned_visits(self, contract_id: uuid.UUID) -> list[PlannedVisitRow]:
        stmt = (
            select(PlannedVisitRow)
            .where(PlannedVisitRow.contract_id == contract_id)
            .order_by(PlannedVisitRow.due_on, PlannedVisitRow.product_id)
        )
        return list((await self.session.scalars(stmt)).all())

    async def number_taken(self, contract_no: str) -> bool:
        stmt = select(func.count()).where(ContractRow.contract_no == contract_no)
        return bool(await self.session.scalar(stmt))

    async def overlapping(
        self, product_ids: Sequence[uuid.UUID], starts_on: Any, ends_on: Any
    ) -> list[tuple[str, uuid.UUID]]:
        stmt = (
            select(ContractRow.contract_no, ContractProductRow.product_id)
            .join(ContractProductRow, ContractProductRow.contract_id == ContractRow.id)
            .where(
                ContractProductRow.product_id.in_(product_ids),
                ContractRow.starts_on <= ends_on,
                ContractRow.ends_on >= starts_on,
            )
        )
        return [(r[0], r[1]) for r in (await self.session.execute(stmt)).all()]

    async def lock_products(self, product_ids: Sequence[uuid.UUID]) -> None:
        """Two contracts for one product created at once must not both pass the overlap check."""
        for pid in sorted(product_ids):
            key = int.from_bytes(
                hashlib.sha256(f"contract-product:{pid}".encode()).digest()[:8], "big", signed=True
            )
            await self.session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": key})

    async def covering(self, product_id: uuid.UUID, day: Any) -> ContractRow | None:
        stmt = (
            select(ContractRow)
            .join(ContractProductRow, ContractProductRow.contract_id == ContractRow.id)
            .where(
                ContractProductRow.product_id == product_id,
                ContractRow.starts_on <= day,
                ContractRow.ends_on >= day,
            )
            .with_for_update(of=ContractRow)
        )
        return (await self.session.scalars(stmt)).first()

    async def products(self, contract_id: uuid.UUID) -> list[uuid.UUID]:
        stmt = select(ContractProductRow.product_id).where(
            ContractProductRow.contract_id == contract_id
        )
        return list((await self.session.scalars(stmt)).all())

    async def page(
        self, *, customer_id: uuid.UUID | None, cursor: str | None, limit: int
    ) -> tuple[list[ContractRow], str | None]:
        stmt: Any = select(ContractRow)
        if customer_id is not None:
            stmt = stmt.where(ContractRow.customer_id == customer_id)
        return await keyset_page(
            self.session,
            stmt,
            sort_col=ContractRow.__table__.c.updated_at,
            id_col=ContractRow.__table__.c.id,
            cursor=cursor,
            limit=limit,
        )


@dataclass(frozen=True)
class ChargeFilter:
    scope: Scope = Scope()
    ticket_id: uuid.UUID | None = None
    job_id: uuid.UUID | None = None
    point_id: uuid.UUID | None = None
    service_class: str | None = None
    status: str | None = None
    month: str | None = None
    needs_review: bool | None = None
    updated_since: datetime | None = None


class ChargeRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, row: ChargeRow, lines: Sequence[ChargeLineRow]) -> None:
        self.session.add(row)
        await self.session.flush()  # the lines' foreign key needs the charge first
        self.session.add_all(lines)

    async def get(
        self, charge_id: uuid.UUID, *, scope: Scope = Scope(), lock: bool = False
    ) -> ChargeRow:
        row = await self.session.get(ChargeRow, charge_id, with_for_update=lock)
        if row is None or not scope.allows(row.point_id, row.technician_id):
            raise NotFound(f"Charge {charge_id} does not exist.")
        return row

    async def remote_of_ticket(self, ticket_id: uuid.UUID) -> ChargeRow | None:
        stmt = select(ChargeRow).where(
            ChargeRow.ticket_id == ticket_id,
            ChargeRow.job_id.is_(None),
            ChargeRow.supplements.is_(None),
        )
        return (await self.session.scalars(stmt)).one_or_none()

    async def lines(self, charge_id: uuid.UUID) -> list[ChargeLineRow]:
        stmt = (
            select(ChargeLineRow)
            .where(ChargeLineRow.charge_id == charge_id)
            .order_by(ChargeLineRow.position)
        )
        return list((await self.session.scalars(stmt)).all())

    async def lines_of(
        self, charge_ids: Sequence[uuid.UUID]
    ) -> dict[uuid.UUID, list[ChargeLineRow]]:
        out: dict[uuid.UUID, list[ChargeLineRow]] = {cid: [] for cid in charge_ids}
        if not charge_ids:
            return out
        stmt = (
            select(ChargeLineRow)
            .where(ChargeLineRow.charge_id.in_(charge_ids))
            .order_by(ChargeLineRow.charge_id, ChargeLineRow.position)
        )
        for line in (await self.session.scalars(stmt)).all():
            out[line.charge_id].append(line)
        return out

    @staticmethod
    def _listed(where: ChargeFilter) -> Any:
        stmt: Any = select(ChargeRow)
        pairs = [
            (where.scope.point_id, ChargeRow.point_id),
            (where.scope.technician_id, ChargeRow.technician_id),
            (where.ticket_id, ChargeRow.ticket_id),
            (where.job_id, ChargeRow.job_id),
            (where.point_id, ChargeRow.point_id),
            (where.service_class, ChargeRow.service_class),
            (where.status, ChargeRow.status),
            (where.month, ChargeRow.month),
        ]
        for value, column in pairs:
            if value is not None:
                stmt = stmt.where(column == value)
        if where.needs_review is not None:
            has_notes = func.jsonb_array_length(ChargeRow.review) > 0
            stmt = stmt.where(has_notes if where.needs_review else ~has_notes)
        if where.updated_since is not None:
            stmt = stmt.where(ChargeRow.updated_at >= where.updated_since)
        return stmt

    async def page(
        self, where: ChargeFilter, *, cursor: str | None, limit: int
    ) -> tuple[list[ChargeRow], str | None]:
        return await keyset_page(
            self.session,
            self._listed(where),
            sort_col=ChargeRow.__table__.c.updated_at,
            id_col=ChargeRow.__table__.c.id,
            cursor=cursor,
            limit=limit,
        )

    async def sync(
        self, where: ChargeFilter, *, since: str, limit: int
    ) -> tuple[list[ChargeRow], str]:
        """The charges written after the sync cursor ``since``, in commit order; the next
        cursor."""
        return await sync_page(
            self.session,
            self._listed(where),
            resource="billing.charges",
            entity=ChargeRow,
            since=since,
            limit=limit,
        )

    async def replace_lines(self, charge_id: uuid.UUID, rows: Sequence[ChargeLineRow]) -> None:
        """A held charge's lines replaced (the database refuses it for any other charge)."""
        await self.session.execute(
            delete(ChargeLineRow).where(ChargeLineRow.charge_id == charge_id)
        )
        self.session.add_all(rows)
        await self.session.flush()

    def add_payment(self, row: PaymentRow) -> None:
        self.session.add(row)

    async def payments(self, charge_id: uuid.UUID) -> list[PaymentRow]:
        stmt = (
            select(PaymentRow).where(PaymentRow.charge_id == charge_id).order_by(PaymentRow.paid_at)
        )
        return list((await self.session.scalars(stmt)).all())

    async def due_for_auto_invoice(
        self, now: datetime, skip: Sequence[uuid.UUID]
    ) -> ChargeRow | None:
        conditions = [
            ChargeRow.invoice_id.is_(None),
            ChargeRow.auto_invoice_at.is_not(None),
            ChargeRow.auto_invoice_at <= now,
        ]
        if skip:
            conditions.append(ChargeRow.id.not_in(skip))
        stmt = (
            select(ChargeRow)
            .where(and_(*conditions))
            .order_by(ChargeRow.auto_invoice_at)
            .limit(1)
            .with_for_update(skip_locked=True)
        )
        return (await self.session.scalars(stmt)).one_or_none()

    async def month_activity(self, month: str, point_id: uuid.UUID | None = None) -> list[Any]:
        """Per point and class: jobs, work value paid (a rework not paid counts at zero),
        customer totals, company cost, compensation (supplementary charges are no jobs)."""
        paid_work = case((ChargeRow.unpaid_reason.is_(None), ChargeRow.work_value), else_=0)
        stmt = (
            select(
                ChargeRow.point_id,
                ChargeRow.service_class,
                func.count(ChargeRow.job_id),
                func.coalesce(func.sum(paid_work), 0),
                func.coalesce(func.sum(ChargeRow.customer_total), 0),
                func.coalesce(func.sum(ChargeRow.company_cost), 0),
                func.coalesce(func.sum(ChargeRow.compensation), 0),
                func.count().filter(ChargeRow.compensation > 0),
            )
            .where(
                ChargeRow.month == month,
                ChargeRow.point_id.is_not(None),
                ChargeRow.held_reason.is_(None),  # a held charge is not settled
            )
            .group_by(ChargeRow.point_id, ChargeRow.service_class)
        )
        if point_id is not None:
            stmt = stmt.where(ChargeRow.point_id == point_id)
        return list((await self.session.execute(stmt)).all())

    async def unpaid_work(self, month: str, point_id: uuid.UUID | None = None) -> list[Any]:
        stmt = (
            select(
                ChargeRow.point_id,
                ChargeRow.job_id,
                ChargeRow.service_class,
                ChargeRow.work_value,
                ChargeRow.unpaid_reason,
            )
            .where(
                ChargeRow.month == month,
                ChargeRow.unpaid_reason.is_not(None),
                ChargeRow.held_reason.is_(None),
            )
            .order_by(ChargeRow.completed_at)
        )
        if point_id is not None:
            stmt = stmt.where(ChargeRow.point_id == point_id)
        return list((await self.session.execute(stmt)).all())

    async def revenue(self, month: str) -> list[Any]:
        stmt = (
            select(
                ChargeRow.service_class,
                func.count(),
                func.coalesce(func.sum(ChargeRow.customer_total), 0),
                func.coalesce(func.sum(ChargeRow.company_cost), 0),
                func.coalesce(func.sum(ChargeRow.credited), 0),
                func.coalesce(func.sum(ChargeRow.paid_total), 0),
            )
            .where(ChargeRow.month == month)
            .group_by(ChargeRow.service_class)
            .order_by(ChargeRow.service_class)
        )
        return list((await self.session.execute(stmt)).all())


class DocumentRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def next_number(self, series: str, year: int) -> int:
        """The next number of the series: the counter row's lock is held until commit, so a
        rolled-back document gives its number back and numbers stay gapless."""
        insert = pg_insert(DocumentCounterRow).values(series=series, year=year, last=1)
        upsert = insert.on_conflict_do_update(
            index_elements=["series", "year"], set_={"last": DocumentCounterRow.last + 1}
        ).returning(DocumentCounterRow.last)
        return int((await self.session.execute(upsert)).scalar_one())

    def add_invoice(self, row: InvoiceRow) -> None:
        self.session.add(row)

    async def invoice(self, invoice_id: uuid.UUID) -> InvoiceRow:
        row = await self.session.get(InvoiceRow, invoice_id)
        if row is None:
            raise NotFound(f"Invoice {invoice_id} does not exist.")
        return row

    async def invoices(self, year: int | None, *, after: int, limit: int) -> list[InvoiceRow]:
        stmt = (
            select(InvoiceRow)
            .where(InvoiceRow.seq > after)
            .order_by(InvoiceRow.year, InvoiceRow.seq)
            .limit(limit)
        )
        if year is not None:
            stmt = stmt.where(InvoiceRow.year == year)
        return list((await self.session.scalars(stmt)).all())

    def add_credit_note(self, row: CreditNoteRow) -> None:
        self.session.add(row)

    async def credit_notes(self, charge_id: uuid.UUID) -> list[CreditNoteRow]:
        stmt = (
            select(CreditNoteRow)
            .where(CreditNoteRow.charge_id == charge_id)
            .order_by(CreditNoteRow.issued_at)
        )
        return list((await self.session.scalars(stmt)).all())


class SettlementRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def deductions(self, month: str, point_id: uuid.UUID | None = None) -> list[Any]:
        stmt = (
            select(
                PointDeductionRow.point_id,
                PointDeductionRow.kind,
                func.count(),
                func.coalesce(func.sum(PointDeductionRow.amount), 0),
            )
            .where(PointDeductionRow.month == month)
            .group_by(PointDeductionRow.point_id, PointDeductionRow.kind)
        )
        if point_id is not None:
            stmt = stmt.where(PointDeductionRow.point_id == point_id)
        return list((await self.session.execute(stmt)).all())

    async def grades(self, month: str) -> dict[uuid.UUID, str]:
        stmt = select(PointGradeRow.point_id, PointGradeRow.grade).where(
            PointGradeRow.month == month
        )
        return {r[0]: r[1] for r in (await self.session.execute(stmt)).all()}

    async def closed(self, month: str, point_id: uuid.UUID | None = None) -> list[SettlementRow]:
        stmt = (
            select(SettlementRow)
            .where(SettlementRow.month == month)
            .order_by(SettlementRow.point_id)
        )
        if point_id is not None:
            stmt = stmt.where(SettlementRow.point_id == point_id)
        return list((await self.session.scalars(stmt)).all())

    def add(self, row: SettlementRow) -> None:
        self.session.add(row)


class RemedyRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def record(self, values: dict[str, Any]) -> bool:
        inserted = await self.session.execute(
            pg_insert(RemedyRow)
            .values(**values)
            .on_conflict_do_nothing(index_elements=["ticket_id", "remedy"])
            .returning(RemedyRow.id)
        )
        return inserted.scalar_one_or_none() is not None

    async def of_month(self, month: str) -> list[RemedyRow]:
        stmt = select(RemedyRow).where(RemedyRow.month == month).order_by(RemedyRow.decided_at)
        return list((await self.session.scalars(stmt)).all())

    async def of_ticket(self, ticket_id: uuid.UUID) -> list[RemedyRow]:
        stmt = select(RemedyRow).where(RemedyRow.ticket_id == ticket_id)
        return list((await self.session.scalars(stmt)).all())

    async def refund(self, remedy_id: uuid.UUID, *, lock: bool = False) -> RemedyRow:
        stmt = select(RemedyRow).where(RemedyRow.id == remedy_id, RemedyRow.remedy == "refund")
        row = (await self.session.scalars(stmt.with_for_update() if lock else stmt)).one_or_none()
        if row is None:
            raise NotFound(f"Refund {remedy_id} does not exist.")
        return row

    async def refunds(self, *, status: str | None, limit: int) -> list[RemedyRow]:
        """Refund vouchers: ``paid``, ``unpaid`` (payable now) or ``awaiting_approval``."""
        stmt = select(RemedyRow).where(RemedyRow.remedy == "refund")
        if status == "paid":
            stmt = stmt.where(RemedyRow.paid_at.is_not(None))
        elif status == "unpaid":
            stmt = stmt.where(
                RemedyRow.paid_at.is_(None), RemedyRow.approval != "awaiting_approval"
            )
        elif status == "awaiting_approval":
            stmt = stmt.where(
                RemedyRow.paid_at.is_(None), RemedyRow.approval == "awaiting_approval"
            )
        return list(
            (await self.session.scalars(stmt.order_by(RemedyRow.decided_at).limit(limit))).all()
        )


class AdminWorkRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    def add(self, row: AdminWorkRow) -> None:
        self.session.add(row)

    async def of_month(self, month: str, staff: str | None = None) -> list[AdminWorkRow]:
        stmt = select(AdminWorkRow).where(AdminWorkRow.month == month)
        if staff is not None:
            stmt = stmt.where(AdminWorkRow.staff == staff)
        return list(
            (
                await self.session.scalars(
                    stmt.order_by(AdminWorkRow.performed_on, AdminWorkRow.created_at)
                )
            ).all()
        )


class CampaignRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    def add(self, row: CampaignRow) -> None:
        self.session.add(row)

    async def get(self, campaign_id: uuid.UUID) -> CampaignRow:
        row = await self.session.get(CampaignRow, campaign_id)
        if row is None:
            raise NotFound(f"Campaign {campaign_id} does not exist.")
        return row

    async def running_on(self, day: Any) -> tuple[Campaign, ...]:
        """The campaigns running that day, the earliest begun first (it wins an overlap)."""
        stmt = (
            select(CampaignRow)
            .where(CampaignRow.from_on <= day, CampaignRow.to_on >= day)
            .order_by(CampaignRow.from_on, CampaignRow.created_at, CampaignRow.id)
        )
        return tuple(campaign_of(r) for r in (await self.session.scalars(stmt)).all())

    async def page(
        self, *, active_on: Any | None, cursor: str | None, limit: int
    ) -> tuple[list[CampaignRow], str | None]:
        stmt: Any = select(CampaignRow)
        if active_on is not None:
            stmt = stmt.where(CampaignRow.from_on <= active_on, CampaignRow.to_on >= active_on)
        return await keyset_page(
            self.session,
            stmt,
            sort_col=CampaignRow.__table__.c.created_at,
            id_col=CampaignRow.__table__.c.id,
            cursor=cursor,
            limit=limit,
        )


def campaign_of(row: CampaignRow) -> Campaign:
    return Campaign(
        id=row.id,
        name=row.name,
        categories=frozenset(row.categories),
        regions=frozenset(row.regions),
        kinds=frozenset(row.kinds),
        from_on=row.from_on,
        to_on=row.to_on,
        covers=frozenset(row.covers),
    )


class CashRepository:
    """Cash taken on site: held by the technician, then by the point's office once handed over.
    A company point's handover ends it; a partner point owes it until remitted (or netted at a
    month's close)."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    @staticmethod
    def _on_site() -> Any:
        return and_(PaymentRow.method == "cash", PaymentRow.held_by.is_not(None))

    def _owed_by_partner(self) -> Any:
        """A partner's cash the company does not have: not remitted (handed over or not)."""
        return and_(self._on_site(), PaymentRow.remittance_id.is_(None))

    def _outstanding(self, partners: set[uuid.UUID]) -> Any:
        """Not the company's yet: the technician holds it, or a partner's office does."""
        at_office = PaymentRow.point_id.in_(partners) if partners else text("false")
        return and_(
            self._on_site(),
            PaymentRow.netted_month.is_(None),
            PaymentRow.remittance_id.is_(None),
            (PaymentRow.handover_id.is_(None)) | at_office,
        )

    async def for_handover(self, payment_ids: Sequence[uuid.UUID]) -> list[PaymentRow]:
        stmt = (
            select(PaymentRow)
            .where(PaymentRow.id.in_(payment_ids))
            .order_by(PaymentRow.id)
            .with_for_update()
        )
        return list((await self.session.scalars(stmt)).all())

    def add_handover(self, row: CashHandoverRow) -> None:
        self.session.add(row)

    def add_remittance(self, row: CashRemittanceRow) -> None:
        self.session.add(row)

    async def payments(
        self,
        *,
        technician_id: uuid.UUID | None,
        point_id: uuid.UUID | None,
        outstanding: bool,
        partners: set[uuid.UUID],
        limit: int,
    ) -> list[PaymentRow]:
        stmt: Any = select(PaymentRow).where(self._on_site())
        if technician_id is not None:
            stmt = stmt.where(PaymentRow.held_by == technician_id)
        if point_id is not None:
            stmt = stmt.where(PaymentRow.point_id == point_id)
        if outstanding:
            stmt = stmt.where(self._outstanding(partners))
        return list(
            (await self.session.scalars(stmt.order_by(PaymentRow.paid_at).limit(limit))).all()
        )

    def _owed_at(self, before: datetime, points: set[uuid.UUID]) -> _TakenAtClose:
        """The cash the partner ``points`` owed at ``before`` (not remitted, whoever holds it),
        netted in the month whose close takes it."""
        owed = and_(
            self._owed_by_partner(),
            PaymentRow.point_id.in_(points),
            PaymentRow.paid_at < before,
        )
        return _TakenAtClose(self.session, points, owed, PaymentRow.netted_month)

    async def held_at(
        self, month: str, before: datetime, points: set[uuid.UUID]
    ) -> dict[uuid.UUID, tuple[int, int]]:
        """Per partner point: the cash payments (count, amount) it still owed at ``before``
        (not remitted, whoever holds it), not netted in another month."""
        return await self._owed_at(before, points).per_point(month)

    async def lock_owed(self, before: datetime, points: set[uuid.UUID]) -> None:
        """Lock what a close will net, before it is computed: a remittance recorded at the same
        moment waits for the close, then finds the payment netted (never both)."""
        await self._owed_at(before, points).lock()

    async def net(self, month: str, before: datetime, points: set[uuid.UUID]) -> None:
        """Mark what a closing month nets: the point keeps that cash, so it owes it no more."""
        await self._owed_at(before, points).stamp(month)


@dataclass(frozen=True)
class PaymentFilter:
    unreconciled: bool | None = None
    method: str | None = None
    point_id: uuid.UUID | None = None
    technician_id: uuid.UUID | None = None
    reference: str | None = None


class PaymentRepository:
    """Payments of charges as finance reconciles them: non-cash ones by their reference."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    @staticmethod
    def _unreconciled() -> Any:
        return and_(PaymentRow.method != "cash", PaymentRow.reconciled_at.is_(None))

    async def by_references(self, method: str, references: Sequence[str]) -> list[PaymentRow]:
        """The payments of ``method`` with these references, locked, in id order."""
        stmt = (
            select(PaymentRow)
            .where(PaymentRow.method == method, PaymentRow.reference.in_(references))
            .order_by(PaymentRow.id)
            .with_for_update()
        )
        return list((await self.session.scalars(stmt)).all())

    def add_reconciliation(self, row: ReconciliationRow) -> None:
        self.session.add(row)

    async def technicians_of(
        self, charge_ids: Sequence[uuid.UUID]
    ) -> dict[uuid.UUID, uuid.UUID | None]:
        stmt = select(ChargeRow.id, ChargeRow.technician_id).where(ChargeRow.id.in_(charge_ids))
        return {r[0]: r[1] for r in (await self.session.execute(stmt)).all()}

    async def listed(self, where: PaymentFilter, *, limit: int) -> list[tuple[PaymentRow, Any]]:
        """Payments with their charge's technician, oldest first."""
        stmt: Any = select(PaymentRow, ChargeRow.technician_id).join(
            ChargeRow, ChargeRow.id == PaymentRow.charge_id
        )
        if where.unreconciled is not None:
            stmt = stmt.where(
                self._unreconciled()
                if where.unreconciled
                else and_(PaymentRow.method != "cash", PaymentRow.reconciled_at.is_not(None))
            )
        for value, column in (
            (where.method, PaymentRow.method),
            (where.point_id, PaymentRow.point_id),
            (where.technician_id, ChargeRow.technician_id),
            (where.reference, PaymentRow.reference),
        ):
            if value is not None:
                stmt = stmt.where(column == value)
        rows = await self.session.execute(stmt.order_by(PaymentRow.paid_at).limit(limit))
        return [(r[0], r[1]) for r in rows.all()]

    def _overdue(self, cutoff: datetime, points: set[uuid.UUID]) -> _TakenAtClose:
        """The partner ``points``' technicians' non-cash payments made before ``cutoff`` and
        still unreconciled, deducted in the month whose close takes them."""
        overdue = and_(
            self._unreconciled(),
            PaymentRow.point_id.in_(points),
            PaymentRow.paid_at < cutoff,
        )
        return _TakenAtClose(self.session, points, overdue, PaymentRow.deducted_month)

    async def unreconciled_at(
        self, month: str, cutoff: datetime, points: set[uuid.UUID]
    ) -> dict[uuid.UUID, tuple[int, int]]:
        """Per partner point: its technicians' non-cash payments (count, amount) made before
        ``cutoff`` and still unreconciled, not deducted in another month."""
        return await self._overdue(cutoff, points).per_point(month)

    async def reversed_in(self, month: str) -> dict[uuid.UUID, tuple[int, int]]:
        """Per point: deducted payments reconciled since, whose deduction this month reverses."""
        found = await _per_point(self.session, PaymentRow.reversed_month == month)
        return {point: (count, -amount) for point, (count, amount) in found.items()}

    async def lock_overdue(self, cutoff: datetime, points: set[uuid.UUID]) -> None:
        """Lock what a close will deduct, before it is computed: a reconciliation at the same
        moment waits, then finds the deduction made and reverses it."""
        await self._overdue(cutoff, points).lock()

    async def mark_deducted(self, month: str, cutoff: datetime, points: set[uuid.UUID]) -> None:
        await self._overdue(cutoff, points).stamp(month)


async def _per_point(session: AsyncSession, *where: Any) -> dict[uuid.UUID, tuple[int, int]]:
    """The payments matching ``where``, per point: (count, amount)."""
    stmt = (
        select(PaymentRow.point_id, func.count(), func.sum(PaymentRow.amount))
        .where(*where)
        .group_by(PaymentRow.point_id)
    )
    rows = (await session.execute(stmt)).all()
    return {r[0]: (int(r[1]), int(r[2])) for r in rows if r[0] is not None}


@dataclass(frozen=True)
class _TakenAtClose:
    """Payments a month's close takes into partner points' settlements, each in one month
    only: a partner cash payment it nets, a non-cash one left unreconciled that it deducts.
    ``owed`` says which payments the ``points`` owe; ``month_column`` records the month that
    took one (``netted_month``, ``deducted_month``)."""

    session: AsyncSession
    points: set[uuid.UUID]
    owed: Any
    month_column: Any

    async def per_point(self, month: str) -> dict[uuid.UUID, tuple[int, int]]:
        """What ``month`` takes, per point (count, amount): not taken by another month."""
        if not self.points:
            return {}
        column = self.month_column
        return await _per_point(self.session, self.owed, column.is_(None) | (column == month))

    async def lock(self) -> None:
        """Lock, in id order, what a close will take, before it is computed."""
        if self.points:
            await self.session.execute(
                select(PaymentRow.id)
                .where(self.owed, self.month_column.is_(None))
                .order_by(PaymentRow.id)
                .with_for_update()
            )

    async def stamp(self, month: str) -> None:
        """Record that ``month`` took them: no later month takes them again."""
        if self.points:
            await self.session.execute(
                update(PaymentRow)
                .where(self.owed, self.month_column.is_(None))
                .values({self.month_column: month})
            )
