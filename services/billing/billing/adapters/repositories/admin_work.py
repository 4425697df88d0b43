"""Internal admin work (class D)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from billing.adapters.tables.admin_work import AdminWorkRow


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
