"""feedback's tables (schema ``feedback``)."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import DateTime, String, func
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from aftersales.db import make_metadata

metadata = make_metadata("feedback")


class Base(DeclarativeBase):
    metadata = metadata


class TicketContactRow(Base):
    """Whom to call back for a ticket (from intake's events)."""

    __tablename__ = "ticket_contacts"

    ticket_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(20))
    kind: Mapped[str] = mapped_column(String(20))
    customer_id: Mapped[uuid.UUID] = mapped_column(index=True)
    customer_name: Mapped[str] = mapped_column(String(200))
    phone: Mapped[str] = mapped_column(String(40))
    product_model: Mapped[str] = mapped_column(String(100))
    aggregate_version: Mapped[int]
    opened_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
