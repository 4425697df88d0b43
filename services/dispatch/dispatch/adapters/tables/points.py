"""Network points and the days they have a different capacity."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
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


class PointRow(Base):
    """A network point (网点): a regional service point or a partner repair shop."""

    __tablename__ = "points"
    __table_args__ = (
        Index("ix_points_regions", "regions", postgresql_using="gin"),
        Index("ix_points_categories", "categories", postgresql_using="gin"),
        Index("ix_points_updated_at_id", "updated_at", "id"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    regions: Mapped[list[str]] = mapped_column(ARRAY(String(12)))
    categories: Mapped[list[str]] = mapped_column(ARRAY(String(60)))
    daily_capacity: Mapped[int] = mapped_column(Integer)
    is_partner: Mapped[bool] = mapped_column(Boolean)
    grade: Mapped[str | None] = mapped_column(String(1))
    grade_month: Mapped[str | None] = mapped_column(String(7))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(TZ, server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(TZ, server_default=func.now())


class CapacityOverrideRow(Base):
    """The capacity calendar: a point's daily capacity for a range of days (peaks, holidays)."""

    __tablename__ = "capacity_overrides"
    __table_args__ = (Index("ix_capacity_overrides_point_id_starts_on", "point_id", "starts_on"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    point_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("points.id", ondelete="CASCADE"))
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    daily_capacity: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(Text)
    # Who set it: the operator (admin, agent) or the point itself, which may only lower its
    # capacity and remove only what it set. ``created_by`` is the actor (None before 0011).
    made_by: Mapped[str] = mapped_column(String(10), server_default="operator")
    created_by: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(TZ, server_default=func.now())
