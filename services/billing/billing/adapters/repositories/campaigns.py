"""Free-service campaigns."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from aftersales.errors import NotFound
from aftersales.http.pagination import keyset_page
from billing.adapters.tables.campaigns import CampaignRow
from billing.domain.classification import Campaign


class CampaignRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    def add(self, row: CampaignRow) -> None:
        self.session.add(row)

    async def get(self, campaign_id: uuid.UUID) -> CampaignRow:
        row = await self.session.get(CampaignRow, campaign_id)
        if row is None:
            raise NotFound(f"Campaign {campaign_id} does not exist.")
        return row

    async def running_on(self, day: Any) -> tuple[Campaign, ...]:
        """The campaigns running that day, the earliest begun first (it wins an overlap)."""
        stmt = (
            select(CampaignRow)
            .where(CampaignRow.from_on <= day, CampaignRow.to_on >= day)
            .order_by(CampaignRow.from_on, CampaignRow.created_at, CampaignRow.id)
        )
        return tuple(campaign_of(r) for r in (await self.session.scalars(stmt)).all())

    async def page(
        self, *, active_on: Any | None, cursor: str | None, limit: int
    ) -> tuple[list[CampaignRow], str | None]:
        stmt: Any = select(CampaignRow)
        if active_on is not None:
            stmt = stmt.where(CampaignRow.from_on <= active_on, CampaignRow.to_on >= active_on)
        return await keyset_page(
            self.session,
            stmt,
            sort_col=CampaignRow.__table__.c.created_at,
            id_col=CampaignRow.__table__.c.id,
            cursor=cursor,
            limit=limit,
        )


def campaign_of(row: CampaignRow) -> Campaign:
    return Campaign(
        id=row.id,
        name=row.name,
        categories=frozenset(row.categories),
        regions=frozenset(row.regions),
        kinds=frozenset(row.kinds),
        from_on=row.from_on,
        to_on=row.to_on,
        covers=frozenset(row.covers),
    )
