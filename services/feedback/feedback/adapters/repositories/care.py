"""Care plans for key customers, and the visits made under them."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import and_, exists, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncSession

from aftersales.errors import NotFound
from aftersales.http.pagination import keyset_page
from feedback.adapters.tables import CarePlanRow, CareVisitRow
from feedback.adapters.visit_tables import VisitAlertRow


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

    async def add_once(self, values: dict[str, Any]) -> bool:
        """Add a usage-tracking plan unless the customer has one; True when added."""
        added = await self.session.scalar(
            pg_insert(CarePlanRow)
            .values(**values)
            .on_conflict_do_nothing(
                index_elements=["customer_id"],
                index_where=CarePlanRow.purpose == "usage_tracking",
            )
            .returning(CarePlanRow.id)
        )
        return added is not None

    async def late(self, today: date, *, limit: int) -> list[CarePlanRow]:
        """Active plans whose next visit was due before ``today`` and not reported yet, locked
        (a plan another replica is reporting is skipped)."""
        reported = exists().where(
            and_(
                VisitAlertRow.plan_id == CarePlanRow.id,
                VisitAlertRow.due_on == CarePlanRow.next_due_on,
            )
        )
        stmt = (
            select(CarePlanRow)
            .where(CarePlanRow.active.is_(True), CarePlanRow.next_due_on < today, ~reported)
            .order_by(CarePlanRow.next_due_on, CarePlanRow.id)
            .limit(limit)
            .with_for_update(skip_locked=True)
        )
        return list((await self.session.scalars(stmt)).all())

    async def claim_alert(self, plan_id: uuid.UUID, due_on: date, now: datetime) -> bool:
        """The claim to report the plan's visit due ``due_on`` as late: True for the first
        transaction to make it (a second waits for the first to commit, then gets False)."""
        claimed = await self.session.scalar(
            pg_insert(VisitAlertRow)
            .values(plan_id=plan_id, due_on=due_on, noticed_at=now)
            .on_conflict_do_nothing(index_elements=["plan_id", "due_on"])
            .returning(VisitAlertRow.plan_id)
        )
        return claimed is not None

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
        self,
        *,
        due_by: date | None,
        customer_id: uuid.UUID | None,
        cursor: str | None,
        limit: int,
        purpose: str | None = None,
    ) -> tuple[list[CarePlanRow], str | None]:
        stmt: Any = select(CarePlanRow).where(CarePlanRow.active.is_(True))
        if purpose is not None:
            stmt = stmt.where(CarePlanRow.purpose == purpose)
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
