"""The stock ledger (immutable movements) and the levels kept with it."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import (
    BigInteger,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    func,
)
from sqlalchemy.orm import Mapped, mapped_column

from dispatch.adapters.tables.base import TZ, Base


class StockMovementRow(Base):
    """One movement of one SKU at one location (immutable: a trigger refuses changes)."""

    __tablename__ = "stock_movements"
    __table_args__ = (
        Index("ix_stock_movements_location_sku_at", "location_id", "sku", "at"),
        Index("ix_stock_movements_at_id", "at", "id"),
    )

    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=True)
    id: Mapped[uuid.UUID] = mapped_column(unique=True)
    location_id: Mapped[uuid.UUID]
    sku: Mapped[str] = mapped_column(ForeignKey("parts.sku"))
    kind: Mapped[str] = mapped_column(String(20))
    qty: Mapped[int] = mapped_column(Integer)  # signed: what came in or went out
    on_hand_after: Mapped[int] = mapped_column(Integer)
    shortfall_after: Mapped[int] = mapped_column(Integer, default=0)
    reference: Mapped[str | None] = mapped_column(String(200))
    reason: Mapped[str | None] = mapped_column(Text)
    job_id: Mapped[uuid.UUID | None]
    counterpart_id: Mapped[uuid.UUID | None]  # a transfer's other location
    actor: Mapped[str] = mapped_column(String(200))
    at: Mapped[datetime] = mapped_column(TZ)


class StockLevelRow(Base):
    """What a location holds of a SKU, kept with its movements in one transaction (and locked
    while one is written, so two issues of the last unit cannot both win)."""

    __tablename__ = "stock_levels"

    location_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    sku: Mapped[str] = mapped_column(ForeignKey("parts.sku"), primary_key=True)
    on_hand: Mapped[int] = mapped_column(Integer, default=0)
    reserved: Mapped[int] = mapped_column(Integer, default=0)
    in_transit: Mapped[int] = mapped_column(Integer, default=0)
    shortfall: Mapped[int] = mapped_column(Integer, default=0)
    reorder_level: Mapped[int | None] = mapped_column(Integer)
    version: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[datetime] = mapped_column(TZ, server_default=func.now())
