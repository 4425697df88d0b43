"""Service contracts (class B): the products they cover, their invoices and payments, and the
planned maintenance visits they promise."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from billing.adapters.tables.base import TZ, Base


class ContractRow(Base):
    __tablename__ = "contracts"
    __table_args__ = (Index("ix_contracts_updated_at_id", "updated_at", "id"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    contract_no: Mapped[str] = mapped_column(String(60), unique=True)
    customer_id: Mapped[uuid.UUID] = mapped_column(index=True)
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    covers_labour: Mapped[bool] = mapped_column(Boolean)
    covers_parts: Mapped[bool] = mapped_column(Boolean)
    covers_travel: Mapped[bool] = mapped_column(Boolean)
    visits_included: Mapped[int | None] = mapped_column(Integer)
    visits_used: Mapped[int] = mapped_column(Integer, default=0)
    # What the customer pays for the contract: ``fee`` per period of ``schedule``.
    fee: Mapped[int] = mapped_column(BigInteger, default=0)
    currency: Mapped[str] = mapped_column(String(3), default="CNY")
    schedule: Mapped[str] = mapped_column(String(10), default="once")
    maintenance_visits_per_year: Mapped[int] = mapped_column(Integer, default=0)
    # The first day of the next fee period to invoice (None: every period is invoiced).
    next_invoice_on: Mapped[date | None] = mapped_column(Date, index=True)
    renewed_from: Mapped[uuid.UUID | None] = mapped_column(unique=True)
    renewed_by: Mapped[uuid.UUID | None]
    expiring_notified_at: Mapped[datetime | None] = mapped_column(TZ)
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(TZ)
    updated_at: Mapped[datetime] = mapped_column(TZ)


class ContractInvoiceRow(Base):
    """A contract's fee for one period: an invoice of its own (``CI-YYYY-NNNNNN``, gapless), not
    a charge of any ticket and not part of any point's settlement."""

    __tablename__ = "contract_invoices"
    __table_args__ = (UniqueConstraint("contract_id", "period_start"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(20), unique=True)
    contract_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("contracts.id"), index=True)
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    amount: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3))
    paid_total: Mapped[int] = mapped_column(BigInteger, default=0)
    status: Mapped[str] = mapped_column(String(10))  # open | paid
    issued_at: Mapped[datetime] = mapped_column(TZ)
    version: Mapped[int] = mapped_column(Integer, default=1)


class ContractPaymentRow(Base):
    __tablename__ = "contract_payments"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    contract_invoice_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("contract_invoices.id"), index=True
    )
    method: Mapped[str] = mapped_column(String(10))
    amount: Mapped[int] = mapped_column(BigInteger)
    recorded_by: Mapped[str] = mapped_column(String(200))
    paid_at: Mapped[datetime] = mapped_column(TZ)


class PlannedVisitRow(Base):
    """A planned maintenance visit a contract promises; intake opens its ticket when asked."""

    __tablename__ = "planned_visits"
    __table_args__ = (
        UniqueConstraint("contract_id", "product_id", "due_on"),
        Index(
            "ix_planned_visits_unrequested",
            "due_on",
            postgresql_where=text("requested_at IS NULL"),
        ),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    contract_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("contracts.id"), index=True)
    product_id: Mapped[uuid.UUID]
    visit_no: Mapped[int] = mapped_column(Integer)
    due_on: Mapped[date] = mapped_column(Date)
    requested_at: Mapped[datetime | None] = mapped_column(TZ)


class ContractProductRow(Base):
    __tablename__ = "contract_products"

    contract_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("contracts.id"), primary_key=True)
    product_id: Mapped[uuid.UUID] = mapped_column(primary_key=True, index=True)
