"""Payments of charges and their reconciliations with the providers' statements."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, Index, Integer, String, text
from sqlalchemy.orm import Mapped, mapped_column

from billing.adapters.tables.base import TZ, Base


class PaymentRow(Base):
    __tablename__ = "payments"
    __table_args__ = (
        # One provider payment pays once: a reference is recorded for one payment only.
        Index(
            "ux_payments_method_reference",
            "method",
            "reference",
            unique=True,
            postgresql_where=text("reference IS NOT NULL AND method <> 'cash'"),
        ),
        Index(
            "ix_payments_unreconciled",
            "paid_at",
            postgresql_where=text("reconciled_at IS NULL AND method <> 'cash'"),
        ),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    charge_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("charges.id"), index=True)
    method: Mapped[str] = mapped_column(String(10))
    amount: Mapped[int] = mapped_column(BigInteger)
    recorded_by: Mapped[str] = mapped_column(String(200))
    paid_at: Mapped[datetime] = mapped_column(TZ)
    # Cash taken on site is held by the technician until handed over to the cashier; cash a
    # partner point still holds when a month is closed is netted in that month's settlement.
    held_by: Mapped[uuid.UUID | None] = mapped_column(index=True)
    point_id: Mapped[uuid.UUID | None]
    handover_id: Mapped[uuid.UUID | None]
    netted_month: Mapped[str | None] = mapped_column(String(7))
    # The provider's reference (card slip, transfer, wallet transaction): every non-cash payment.
    reference: Mapped[str | None] = mapped_column(String(100))
    # A non-cash payment a technician records is unreconciled until finance matches it to the
    # provider's statement (finance's own are reconciled when recorded). One left unreconciled
    # too long is deducted from a partner's settlement (``deducted_month``) until it is, and the
    # deduction reversed in the month it is (``reversed_month``).
    reconciled_at: Mapped[datetime | None] = mapped_column(TZ)
    reconciled_by: Mapped[str | None] = mapped_column(String(200))
    reconciliation_id: Mapped[uuid.UUID | None]
    deducted_month: Mapped[str | None] = mapped_column(String(7))
    reversed_month: Mapped[str | None] = mapped_column(String(7))
    # A partner point's cash: owed by the point until finance records its remittance.
    remittance_id: Mapped[uuid.UUID | None] = mapped_column(index=True)


class ReconciliationRow(Base):
    """Finance matched non-cash payments to a provider's statement."""

    __tablename__ = "reconciliations"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    method: Mapped[str] = mapped_column(String(10))
    statement_ref: Mapped[str] = mapped_column(String(100))
    payments: Mapped[int] = mapped_column(Integer)
    amount: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3))
    reconciled_by: Mapped[str] = mapped_column(String(200))
    reconciled_at: Mapped[datetime] = mapped_column(TZ)
