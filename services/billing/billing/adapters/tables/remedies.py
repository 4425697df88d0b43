"""三包 remedies: refund vouchers and replacements' costs."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import BigInteger, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from billing.adapters.tables.base import TZ, Base


class RemedyRow(Base):
    """三包: a refund credited to the customer, or a replacement the company bears."""

    __tablename__ = "remedies"
    __table_args__ = (UniqueConstraint("ticket_id", "remedy"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    ticket_id: Mapped[uuid.UUID]
    remedy: Mapped[str] = mapped_column(String(10))
    reason: Mapped[str] = mapped_column(Text)
    customer_credit: Mapped[int] = mapped_column(BigInteger)
    company_cost: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3))
    note: Mapped[str | None] = mapped_column(Text)
    month: Mapped[str] = mapped_column(String(7), index=True)
    decided_at: Mapped[datetime] = mapped_column(TZ)
    # A refund's voucher (RF-YYYY-NNNNNN, gapless) and its payment to the customer.
    voucher_no: Mapped[str | None] = mapped_column(String(20), unique=True)
    paid_at: Mapped[datetime | None] = mapped_column(TZ)
    paid_by: Mapped[str | None] = mapped_column(String(200))
    payment_method: Mapped[str | None] = mapped_column(String(10))
    payment_reference: Mapped[str | None] = mapped_column(String(100))
    # A refund is bounded by the sale: the price recorded (none: unknown) and its proof. With no
    # price, or above the approval threshold, finance approves the amount it checked before the
    # voucher can be paid. ``decided_amount`` is what intake decided; ``customer_credit`` what
    # is paid (the approved amount once approved).
    decided_amount: Mapped[int] = mapped_column(BigInteger)
    purchase_price: Mapped[int | None] = mapped_column(BigInteger)
    proof_ref: Mapped[str | None] = mapped_column(String(100))
    approval: Mapped[str] = mapped_column(String(20))  # not_needed | awaiting_approval | approved
    approved_by: Mapped[str | None] = mapped_column(String(200))
    approved_at: Mapped[datetime | None] = mapped_column(TZ)
    approval_note: Mapped[str | None] = mapped_column(Text)
