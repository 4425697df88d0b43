"""Customers' paid parts orders, as the warehouse ships them."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    Date,
    Index,
    Integer,
    String,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from dispatch.adapters.tables.base import TZ, Base


class PartsOrderRow(Base):
    """A customer's paid parts order, from intake's and billing's events (whichever comes
    first creates the row; the other fills it in), shipped from a warehouse."""

    __tablename__ = "parts_orders"
    __table_args__ = (
        Index("ix_parts_orders_status_ship_by", "status", "ship_by"),
        Index(
            "ix_parts_orders_ship_watch",
            "ship_by",
            postgresql_where=text("status = 'paid' AND overdue_at IS NULL"),
        ),
    )

    ticket_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    number: Mapped[str | None] = mapped_column(String(20))
    charge_id: Mapped[uuid.UUID | None]
    lines: Mapped[list[dict[str, Any]]] = mapped_column(JSONB)
    customer: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
    ship_to: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
    tenant_id: Mapped[str | None] = mapped_column(String(64))
    # awaiting_payment | paid | shipped | delivered | cancelled
    status: Mapped[str] = mapped_column(String(20))
    paid_at: Mapped[datetime | None] = mapped_column(TZ)
    ship_by: Mapped[datetime | None] = mapped_column(TZ)
    from_location_id: Mapped[uuid.UUID | None]
    carrier: Mapped[str | None] = mapped_column(String(100))
    tracking_no: Mapped[str | None] = mapped_column(String(100))
    shipped_at: Mapped[datetime | None] = mapped_column(TZ)
    delivered_at: Mapped[datetime | None] = mapped_column(TZ)
    # The arrival promised at shipping (delivery bands by distance), and by which band.
    promised_by: Mapped[date | None] = mapped_column(Date)
    promise_days: Mapped[int | None] = mapped_column(Integer)
    promise_basis: Mapped[str | None] = mapped_column(String(100))
    # Calendar days delivered past the promise (0 on time), set at delivery.
    days_late: Mapped[int | None] = mapped_column(Integer)
    overdue_at: Mapped[datetime | None] = mapped_column(TZ)
    cancelled_at: Mapped[datetime | None] = mapped_column(TZ)
    version: Mapped[int]
    created_at: Mapped[datetime] = mapped_column(TZ)
