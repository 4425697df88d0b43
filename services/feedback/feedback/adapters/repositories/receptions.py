"""Visiting customers' receptions, the customers feedback has heard of (with their type), and
the fines a substantiated complaint about a reception puts on its host."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import case, func, select, text
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncSession

from aftersales.errors import NotFound
from aftersales.http.pagination import keyset_page
from feedback.adapters.visit_tables import CustomerRow, ReceptionRow, StaffFineRow


class CustomerRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def record(
        self, customer_id: uuid.UUID, *, name: str, type_: str | None, at: datetime
    ) -> tuple[str | None, str | None]:
        """Keep the customer's latest name and, when the event says one, its type; returns the
        type before and after (None before: not heard of, or no type said yet)."""
        before = await self.session.scalar(
            select(CustomerRow.type).where(CustomerRow.customer_id == customer_id).with_for_update()
        )
        stmt = pg_insert(CustomerRow).values(
            customer_id=customer_id, name=name, type=type_, first_seen_at=at, updated_at=at
        )
        after = await self.session.scalar(
            stmt.on_conflict_do_update(
                index_elements=["customer_id"],
                set_={
                    "name": case(
                        (stmt.excluded.updated_at >= CustomerRow.updated_at, stmt.excluded.name),
                        else_=CustomerRow.name,
                    ),
                    "type": func.coalesce(stmt.excluded.type, CustomerRow.type),
                    "updated_at": func.greatest(CustomerRow.updated_at, stmt.excluded.updated_at),
                },
            ).returning(CustomerRow.type)
        )
        return before, after

    async def get(self, customer_id: uuid.UUID) -> CustomerRow | None:
        return await self.session.get(CustomerRow, customer_id)

    async def names(self, ids: list[uuid.UUID]) -> dict[uuid.UUID, str]:
        if not ids:
            return {}
        rows = await self.session.execute(
            select(CustomerRow.customer_id, CustomerRow.name).where(
                CustomerRow.customer_id.in_(ids)
            )
        )
        return {row.customer_id: row.name for row in rows}


class ReceptionRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    def add(self, row: ReceptionRow) -> None:
        self.session.add(row)

    async def get(self, reception_id: uuid.UUID) -> ReceptionRow:
        row = await self.session.get(ReceptionRow, reception_id)
        if row is None:
            raise NotFound(f"Reception {reception_id} does not exist.")
        return row

    async def page(
        self,
        *,
        customer_id: uuid.UUID | None,
        host_staff_id: uuid.UUID | None,
        cursor: str | None,
        limit: int,
    ) -> tuple[list[ReceptionRow], str | None]:
        stmt: Any = select(ReceptionRow)
        if customer_id is not None:
            stmt = stmt.where(ReceptionRow.customer_id == customer_id)
        if host_staff_id is not None:
            stmt = stmt.where(ReceptionRow.host_staff_id == host_staff_id)
        return await keyset_page(
            self.session,
            stmt,
            sort_col=ReceptionRow.__table__.c.arrives_at,
            id_col=ReceptionRow.__table__.c.id,
            cursor=cursor,
            limit=limit,
        )


class FineRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def lock_staff(self, staff_id: uuid.UUID) -> None:
        """Fines of one staff member are numbered one after the other (their events' versions)."""
        await self.session.execute(
            text("SELECT pg_advisory_xact_lock(hashtext(:k))"), {"k": f"feedback-fine:{staff_id}"}
        )

    def add(self, row: StaffFineRow) -> None:
        self.session.add(row)

    async def of_complaint(self, complaint_id: uuid.UUID) -> StaffFineRow | None:
        stmt = select(StaffFineRow).where(StaffFineRow.complaint_id == complaint_id)
        return (await self.session.scalars(stmt)).first()

    async def of_staff(self, staff_id: uuid.UUID) -> list[StaffFineRow]:
        stmt = (
            select(StaffFineRow)
            .where(StaffFineRow.staff_id == staff_id)
            .order_by(StaffFineRow.decided_at, StaffFineRow.id)
        )
        return list((await self.session.scalars(stmt)).all())
