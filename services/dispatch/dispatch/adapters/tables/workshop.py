"""The workshop: repair cards, their receipt numbers, and the product's in/out log."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    ForeignKey,
    Index,
    Integer,
    Sequence,
    String,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from dispatch.adapters.tables.base import TZ, Base, metadata

receipt_no_seq = Sequence("receipt_no_seq", metadata=metadata, start=1)


class RepairCardRow(Base):
    """The repair card (修护卡) that hangs on a product in the workshop."""

    __tablename__ = "repair_cards"

    job_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("jobs.id"), primary_key=True)
    receipt_no: Mapped[str] = mapped_column(String(20), unique=True)
    received_at: Mapped[datetime] = mapped_column(TZ)
    repaired_at: Mapped[datetime | None] = mapped_column(TZ)
    labor_minutes: Mapped[int] = mapped_column(Integer, default=0)
    parts: Mapped[list[dict[str, Any]]] = mapped_column(JSONB, default=list)
    inspected_at: Mapped[datetime | None] = mapped_column(TZ)
    inspected_by: Mapped[str | None] = mapped_column(String(200))
    # Inspections the repair failed (back to the bench), each {at, by, reason}.
    failed_inspections: Mapped[list[dict[str, Any]]] = mapped_column(
        JSONB, default=list, server_default="[]"
    )
    returned_at: Mapped[datetime | None] = mapped_column(TZ)
    receipt_voided_at: Mapped[datetime | None] = mapped_column(TZ)


class WorkshopLogRow(Base):
    """The product in/out log (客户商品进出登记簿)."""

    __tablename__ = "workshop_log"
    __table_args__ = (Index("ix_workshop_log_at", "at"),)

    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=True)
    job_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("jobs.id"), index=True)
    point_id: Mapped[uuid.UUID] = mapped_column(index=True)
    receipt_no: Mapped[str] = mapped_column(String(20))
    direction: Mapped[str] = mapped_column(String(3))  # in | out
    at: Mapped[datetime] = mapped_column(TZ)
    actor: Mapped[str] = mapped_column(String(200))
