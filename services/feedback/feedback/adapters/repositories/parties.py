"""Who was offered, assigned or served a ticket's jobs: whom a complaint about it may name."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select, text
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncSession

from feedback.adapters.tables import TicketPartyRow

# How far a party came with a ticket's job; a later event never lowers it.
PARTY_HOW = ("offered", "assigned", "served")


class PartyRepository:
    """Who was offered, assigned or served a ticket's jobs."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def record(
        self, ticket_id: uuid.UUID, kind: str, party_id: uuid.UUID, how: str, at: datetime
    ) -> None:
        stmt = pg_insert(TicketPartyRow).values(
            ticket_id=ticket_id, kind=kind, party_id=party_id, how=how, first_seen_at=at
        )
        ranks = ",".join(f"'{h}'" for h in PARTY_HOW)
        rank = f"array_position(ARRAY[{ranks}]::varchar[], {{}}.how)"
        higher = f"{rank.format('excluded')} > {rank.format('ticket_parties')}"
        await self.session.execute(
            stmt.on_conflict_do_update(
                index_elements=["ticket_id", "kind", "party_id"],
                set_={
                    "how": text(
                        f"CASE WHEN {higher} THEN excluded.how ELSE ticket_parties.how END"
                    ),
                    "first_seen_at": text(
                        "least(ticket_parties.first_seen_at, excluded.first_seen_at)"
                    ),
                },
                where=text(f"{higher} OR excluded.first_seen_at < ticket_parties.first_seen_at"),
            )
        )

    async def strangers(
        self, ticket_id: uuid.UUID, named: Sequence[tuple[str, uuid.UUID]]
    ) -> list[tuple[str, uuid.UUID]]:
        """Those of ``named`` (kind, id) that no job of the ticket was offered, assigned or
        done by, in the order given."""
        if not named:
            return []
        stmt = select(TicketPartyRow.kind, TicketPartyRow.party_id).where(
            TicketPartyRow.ticket_id == ticket_id,
            TicketPartyRow.party_id.in_([party for _, party in named]),
        )
        known = {(r[0], r[1]) for r in (await self.session.execute(stmt)).all()}
        return [n for n in named if n not in known]
