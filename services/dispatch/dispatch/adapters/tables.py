"""dispatch's tables (schema ``dispatch``)."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import DateTime, Index, Integer, String, Text, func
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from aftersales.db import make_metadata

metadata = make_metadata("dispatch")


class Base(DeclarativeBase):
    metadata = metadata


class JobRow(Base):
    __tablename__ = "jobs"
    __table_args__ = (Index("ix_jobs_updated_at_id", "updated_at", "id"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    ticket_id: Mapped[uuid.UUID] = mapped_column(index=True)
    ticket_number: Mapped[str] = mapped_column(String(20))
    kind: Mapped[str] = mapped_column(String(20))
    region: Mapped[str] = mapped_column(String(12))
    category: Mapped[str] = mapped_column(String(60))
    status: Mapped[str] = mapped_column(String(20), index=True)
    status_reason: Mapped[str | None] = mapped_column(Text)
    point_id: Mapped[uuid.UUID | None] = mapped_column(index=True)
    technician_id: Mapped[uuid.UUID | None]
    visit_number: Mapped[int] = mapped_column(Integer, default=1)
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
