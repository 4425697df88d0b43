"""billing's tables (schema ``billing``)."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import Date, DateTime, String, func
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from aftersales.db import make_metadata

metadata = make_metadata("billing")


class Base(DeclarativeBase):
    metadata = metadata


class TicketFactsRow(Base):
    """What billing needs to know of a ticket to classify its charges (from intake's events)."""

    __tablename__ = "ticket_facts"

    ticket_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(20))
    kind: Mapped[str] = mapped_column(String(20))
    customer_id: Mapped[uuid.UUID] = mapped_column(index=True)
    product_id: Mapped[uuid.UUID] = mapped_column(index=True)
    category: Mapped[str] = mapped_column(String(60))
    purchased_on: Mapped[date] = mapped_column(Date)
    warranty_until: Mapped[date] = mapped_column(Date)
    contract_no: Mapped[str | None] = mapped_column(String(60))
    status: Mapped[str] = mapped_column(String(20))
    aggregate_version: Mapped[int]
    opened_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
