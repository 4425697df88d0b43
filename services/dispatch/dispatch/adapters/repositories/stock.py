"""Stock levels and movements."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Uuid, literal, select, tuple_
from sqlalchemy.ext.asyncio import AsyncSession

from aftersales.http.pagination import keyset_page
from dispatch.adapters.tables.stock import StockLevelRow, StockMovementRow


@dataclass(frozen=True)
class StockFilter:
    locations: Sequence[uuid.UUID] | None = None  # None: every location (the network's staff)
    location_id: uuid.UUID | None = None
    sku: str | None = None
    below_reorder: bool = False
    shortfall: bool = False


class StockRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def levels(
        self, where: StockFilter, *, after: tuple[str, str] | None, limit: int
    ) -> list[StockLevelRow]:
        """Levels in (location, SKU) order, after the cursor's key."""
        stmt = select(StockLevelRow)
        if where.locations is not None:
            stmt = stmt.where(StockLevelRow.location_id.in_(where.locations))
        if where.location_id is not None:
            stmt = stmt.where(StockLevelRow.location_id == where.location_id)
        if where.sku is not None:
            stmt = stmt.where(StockLevelRow.sku == where.sku)
        if where.shortfall:
            stmt = stmt.where(StockLevelRow.shortfall > 0)
        if where.below_reorder:
            stmt = stmt.where(
                StockLevelRow.reorder_level.is_not(None),
                StockLevelRow.on_hand < StockLevelRow.reorder_level,
            )
        if after is not None:
            # The primary key's own order, so a page is an index range scan even across
            # ten million levels (a cast here would sort them all).
            stmt = stmt.where(
                tuple_(StockLevelRow.location_id, StockLevelRow.sku)
                > tuple_(literal(uuid.UUID(after[0]), Uuid()), literal(after[1]))
            )
        stmt = stmt.order_by(StockLevelRow.location_id, StockLevelRow.sku)
        return list((await self.session.scalars(stmt.limit(limit + 1))).all())

    async def movements(
        self,
        where: StockFilter,
        *,
        start: datetime | None,
        end: datetime | None,
        cursor: str | None,
        limit: int,
    ) -> tuple[list[StockMovementRow], str | None]:
        stmt: Any = select(StockMovementRow)
        if where.locations is not None:
            stmt = stmt.where(StockMovementRow.location_id.in_(where.locations))
        if where.location_id is not None:
            stmt = stmt.where(StockMovementRow.location_id == where.location_id)
        if where.sku is not None:
            stmt = stmt.where(StockMovementRow.sku == where.sku)
        if start is not None:
            stmt = stmt.where(StockMovementRow.at >= start)
        if end is not None:
            stmt = stmt.where(StockMovementRow.at < end)
        return await keyset_page(
            self.session,
            stmt,
            sort_col=StockMovementRow.__table__.c.at,
            id_col=StockMovementRow.__table__.c.id,
            cursor=cursor,
            limit=limit,
        )
