"""Customers' paid parts orders."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import Index, String, text
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from billing.adapters.tables.base import TZ, Base


class PartsOrderRow(Base):
    """A customer's paid parts order (intake's ``parts_order`` ticket) and its one charge."""

    __tablename__ = "parts_orders"
    __table_args__ = (
        Index(
            "ix_parts_orders_unpaid",
            "pay_by",
            postgresql_where=text("status = 'awaiting_payment'"),
        ),
    )

    ticket_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(20))
    charge_id: Mapped[uuid.UUID] = mapped_column(unique=True)
    lines: Mapped[list[dict[str, Any]]] = mapped_column(JSONB)
    status: Mapped[str] = mapped_column(String(20))  # awaiting_payment | paid | cancelled
    pay_by: Mapped[datetime] = mapped_column(TZ)
    paid_at: Mapped[datetime | None] = mapped_column(TZ)
    cancelled_at: Mapped[datetime | None] = mapped_column(TZ)
    tenant_id: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(TZ)
