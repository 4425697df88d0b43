"""Care plans for key customers, and the visits made under them."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from aftersales.errors import NotFound
from aftersales.http.pagination import keyset_page
from feedback.adapters.tables import CarePlanRow, CareVisitRow


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
