"""The parts master and the warehouses."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    Integer,
    String,
    func,
)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Mapped, mapped_column

from dispatch.adapters.tables.base import TZ, Base


class PartRow(Base):
    """The parts master: what a SKU is, what it fits, and whether the defective part comes back."""

    __tablename__ = "parts"

    sku: Mapped[str] = mapped_column(String(40), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    categories: Mapped[list[str]] = mapped_column(ARRAY(String(60)))
    models: Mapped[list[str]] = mapped_column(ARRAY(String(100)), default=list)
    unit: Mapped[str] = mapped_column(String(20))
    standard_cost: Mapped[int | None] = mapped_column(BigInteger)
    return_required: Mapped[bool] = mapped_column(Boolean, default=False)
    return_within_days: Mapped[int] = mapped_column(Integer, default=30)
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(TZ, server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(TZ, server_default=func.now())


class WarehouseRow(Base):
    """A central warehouse. Every network point is a stock location too (by its id)."""

    __tablename__ = "warehouses"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    region: Mapped[str | None] = mapped_column(String(12))
    created_at: Mapped[datetime] = mapped_column(TZ, server_default=func.now())
