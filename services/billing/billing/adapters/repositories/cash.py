"""Cash taken on site: handovers, remittances, and what a month's close nets."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import and_, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from billing.adapters.repositories.taken_at_close import TakenAtClose
from billing.adapters.tables.cash import CashHandoverRow, CashRemittanceRow
from billing.adapters.tables.payments import PaymentRow


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

    def _owed_at(self, before: datetime, points: set[uuid.UUID]) -> TakenAtClose:
        """The cash the partner ``points`` owed at ``before`` (not remitted, whoever holds it),
        netted in the month whose close takes it."""
        owed = and_(
            self._owed_by_partner(),
            PaymentRow.point_id.in_(points),
            PaymentRow.paid_at < before,
        )
        return TakenAtClose(self.session, points, owed, PaymentRow.netted_month)

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
