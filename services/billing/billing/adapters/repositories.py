"""Queries of billing's tables; use cases never build SQL themselves."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import and_, func, select, text
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncSession

from aftersales.errors import NotFound
from aftersales.http.pagination import keyset_page
from billing.adapters.tables import (
    AdminWorkRow,
    ChargeLineRow,
    ChargeRow,
    ClosedMonthRow,
    CompletedJobRow,
    ContractProductRow,
    ContractRow,
    CreditNoteRow,
    DocumentCounterRow,
    InvoiceRow,
    PaymentRow,
    PointDeductionRow,
    PointGradeRow,
    PriceListRow,
    RemedyRow,
    SettlementRow,
    TicketFactsRow,
)


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

    async def get(self, contract_id: uuid.UUID) -> ContractRow:
        row = await self.session.get(ContractRow, contract_id)
        if row is None:
            raise NotFound(f"Contract {contract_id} does not exist.")
        return row

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
        stmt = select(ChargeRow).where(ChargeRow.ticket_id == ticket_id, ChargeRow.job_id.is_(None))
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

    async def page(
        self, where: ChargeFilter, *, cursor: str | None, limit: int
    ) -> tuple[list[ChargeRow], str | None]:
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
        return await keyset_page(
            self.session,
            stmt,
            sort_col=ChargeRow.__table__.c.updated_at,
            id_col=ChargeRow.__table__.c.id,
            cursor=cursor,
            limit=limit,
        )

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
        """Per point and class: jobs, work value, customer totals, company cost, compensation."""
        stmt = (
            select(
                ChargeRow.point_id,
                ChargeRow.service_class,
                func.count(),
                func.coalesce(func.sum(ChargeRow.work_value), 0),
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
