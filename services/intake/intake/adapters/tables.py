"""intake's tables (schema ``intake``)."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import (
    BigInteger,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    Sequence,
    String,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from aftersales.db import make_metadata

metadata = make_metadata("intake")
ticket_number_seq = Sequence("ticket_number_seq", metadata=metadata, start=1)


class Base(DeclarativeBase):
    metadata = metadata
    type_annotation_map = {dict: JSONB}


class CustomerRow(Base):
    __tablename__ = "customers"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    phone: Mapped[str] = mapped_column(String(40))
    phone_normalized: Mapped[str] = mapped_column(String(24), index=True)
    email: Mapped[str | None] = mapped_column(String(254))
    region: Mapped[str] = mapped_column(String(12))
    city: Mapped[str] = mapped_column(String(100))
    line: Mapped[str] = mapped_column(String(300))
    postal_code: Mapped[str | None] = mapped_column(String(12))
    external_ref: Mapped[str | None] = mapped_column(String(100), index=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class ProductRow(Base):
    __tablename__ = "products"
    __table_args__ = (UniqueConstraint("category", "model", "serial_no"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    customer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("intake.customers.id"), index=True)
    category: Mapped[str] = mapped_column(String(60))
    model: Mapped[str] = mapped_column(String(100))
    serial_no: Mapped[str] = mapped_column(String(100))
    purchased_on: Mapped[date] = mapped_column(Date)
    warranty_months: Mapped[int] = mapped_column(Integer)
    warranty_until: Mapped[date] = mapped_column(Date)
    contract_no: Mapped[str | None] = mapped_column(String(60))
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class TicketRow(Base):
    __tablename__ = "tickets"
    __table_args__ = (Index("ix_tickets_updated_at_id", "updated_at", "id"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(20), unique=True)
    customer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("intake.customers.id"), index=True)
    product_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("intake.products.id"))
    kind: Mapped[str] = mapped_column(String(20))
    channel: Mapped[str] = mapped_column(String(20))
    description: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20), index=True)
    preferred_start: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    preferred_end: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    respond_by: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class TimelineRow(Base):
    """Every event that touched a ticket, in order (``GET /v1/tickets/{id}/timeline``)."""

    __tablename__ = "ticket_timeline"

    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=True)
    ticket_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("intake.tickets.id"), index=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    event: Mapped[str] = mapped_column(String(80))
    summary: Mapped[str] = mapped_column(Text)
    data: Mapped[dict] = mapped_column(default=dict)
