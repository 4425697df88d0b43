"""Defective parts due back at a warehouse."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import (
    Index,
    Integer,
    String,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from dispatch.adapters.tables.base import TZ, Base


class PartReturnRow(Base):
    """A defective part that must come back (旧件返还): a part the SKU says is returned, replaced
    on a class B or C job."""

    __tablename__ = "part_returns"
    __table_args__ = (
        UniqueConstraint("job_id", "sku"),
        Index("ix_part_returns_point_status", "point_id", "status"),
        Index(
            "ix_part_returns_overdue_watch",
            "due_at",
            postgresql_where=text("status <> 'received' AND overdue_at IS NULL"),
        ),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    job_id: Mapped[uuid.UUID]
    ticket_id: Mapped[uuid.UUID]
    point_id: Mapped[uuid.UUID]
    sku: Mapped[str] = mapped_column(String(40))
    qty: Mapped[int] = mapped_column(Integer)
    service_class: Mapped[str] = mapped_column(String(1))
    status: Mapped[str] = mapped_column(String(10))  # due | shipped | received
    due_at: Mapped[datetime] = mapped_column(TZ)
    carrier: Mapped[str | None] = mapped_column(String(100))
    tracking_no: Mapped[str | None] = mapped_column(String(100))
    shipped_at: Mapped[datetime | None] = mapped_column(TZ)
    received_at: Mapped[datetime | None] = mapped_column(TZ)
    condition: Mapped[str | None] = mapped_column(String(20))
    overdue_at: Mapped[datetime | None] = mapped_column(TZ)
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(TZ)
