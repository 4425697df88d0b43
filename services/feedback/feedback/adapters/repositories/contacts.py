"""Intake's tickets as feedback keeps them: whom to call back, and for which product."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncSession

from feedback.adapters.tables import TicketContactRow


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
