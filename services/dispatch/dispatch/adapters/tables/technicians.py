"""A point's technicians."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import (
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    func,
)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Mapped, mapped_column

from dispatch.adapters.tables.base import TZ, Base


class TechnicianRow(Base):
    __tablename__ = "technicians"
    __table_args__ = (
        Index("ix_technicians_point_id_status", "point_id", "status"),
        Index("ix_technicians_updated_at_id", "updated_at", "id"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    point_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("points.id"))
    name: Mapped[str] = mapped_column(String(200))
    phone: Mapped[str] = mapped_column(String(40))
    skills: Mapped[list[str]] = mapped_column(ARRAY(String(60)))
    status: Mapped[str] = mapped_column(String(12))  # active | inactive | dismissed
    status_reason: Mapped[str | None] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(TZ, server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(TZ, server_default=func.now())
