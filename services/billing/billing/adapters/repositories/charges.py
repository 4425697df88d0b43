"""Charges: their lines, payments, listing, sync and the same-day invoices due."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import and_, case, delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from aftersales.errors import NotFound
from aftersales.http.pagination import keyset_page, sync_page
from billing.adapters.repositories.scope import Scope
from billing.adapters.tables.charges import ChargeLineRow, ChargeRow
from billing.adapters.tables.payments import PaymentRow


@dataclass(frozen=True)
class ChargeFilter:
    scope: Scope = field(default_factory=Scope)
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
