"""Payments of charges as finance reconciles them, and the deduction of those left unreconciled."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import and_, select
from sqlalchemy.ext.asyncio import AsyncSession

from billing.adapters.repositories.taken_at_close import TakenAtClose, count_per_point
from billing.adapters.tables.charges import ChargeRow
from billing.adapters.tables.payments import PaymentRow, ReconciliationRow


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

    def _overdue(self, cutoff: datetime, points: set[uuid.UUID]) -> TakenAtClose:
        """The partner ``points``' technicians' non-cash payments made before ``cutoff`` and
        still unreconciled, deducted in the month whose close takes them."""
        overdue = and_(
            self._unreconciled(),
            PaymentRow.point_id.in_(points),
            PaymentRow.paid_at < cutoff,
        )
        return TakenAtClose(self.session, points, overdue, PaymentRow.deducted_month)

    async def unreconciled_at(
        self, month: str, cutoff: datetime, points: set[uuid.UUID]
    ) -> dict[uuid.UUID, tuple[int, int]]:
        """Per partner point: its technicians' non-cash payments (count, amount) made before
        ``cutoff`` and still unreconciled, not deducted in another month."""
        return await self._overdue(cutoff, points).per_point(month)

    async def reversed_in(self, month: str) -> dict[uuid.UUID, tuple[int, int]]:
        """Per point: deducted payments reconciled since, whose deduction this month reverses."""
        found = await count_per_point(self.session, PaymentRow.reversed_month == month)
        return {point: (count, -amount) for point, (count, amount) in found.items()}

    async def lock_overdue(self, cutoff: datetime, points: set[uuid.UUID]) -> None:
        """Lock what a close will deduct, before it is computed: a reconciliation at the same
        moment waits, then finds the deduction made and reverses it."""
        await self._overdue(cutoff, points).lock()

    async def mark_deducted(self, month: str, cutoff: datetime, points: set[uuid.UUID]) -> None:
        await self._overdue(cutoff, points).stamp(month)
