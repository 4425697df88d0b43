"""Cash taken on site: handovers by technicians and partner points' remittances."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import BigInteger, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from billing.adapters.tables.base import TZ, Base


class CashRemittanceRow(Base):
    """A partner point paid the company the cash its technicians took (finance recorded it)."""

    __tablename__ = "cash_remittances"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    point_id: Mapped[uuid.UUID] = mapped_column(index=True)
    reference: Mapped[str] = mapped_column(String(100))
    amount: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3))
    payments: Mapped[int] = mapped_column(Integer)
    received_by: Mapped[str] = mapped_column(String(200))
    remitted_at: Mapped[datetime] = mapped_column(TZ)


class CashHandoverRow(Base):
    __tablename__ = "cash_handovers"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    technician_id: Mapped[uuid.UUID] = mapped_column(index=True)
    point_id: Mapped[uuid.UUID | None]
    amount: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3))
    payments: Mapped[int] = mapped_column(Integer)
    received_by: Mapped[str] = mapped_column(String(200))
    handed_at: Mapped[datetime] = mapped_column(TZ)
