"""Internal admin work (class D) per staff member."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import Date, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from billing.adapters.tables.base import TZ, Base


class AdminWorkRow(Base):
    """Class D: internal admin work (inspections, parts management, tool upkeep, training)."""

    __tablename__ = "admin_work"
    __table_args__ = (Index("ix_admin_work_month_staff", "month", "staff"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    staff: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20))
    minutes: Mapped[int] = mapped_column(Integer)
    performed_on: Mapped[date] = mapped_column(Date)
    month: Mapped[str] = mapped_column(String(7))
    point_id: Mapped[uuid.UUID | None]
    note: Mapped[str | None] = mapped_column(Text)
    recorded_by: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(TZ)
