"""billing's tables (schema ``billing``)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from aftersales.db import make_metadata

metadata = make_metadata("billing")
TZ = DateTime(timezone=True)


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
    # The visit's region (``site`` of v2): what a campaign matches; unknown for a v1-only ticket.
    region: Mapped[str | None] = mapped_column(String(60))
    status: Mapped[str] = mapped_column(String(20))
    aggregate_version: Mapped[int]
    opened_at: Mapped[datetime] = mapped_column(TZ)
    updated_at: Mapped[datetime] = mapped_column(TZ, server_default=func.now())


class ProductFactsRow(Base):
    """billing's projection of intake's registered products (``intake.product.*``): a contract
    may cover only a product billing knows, of the contract's customer."""

    __tablename__ = "product_facts"

    product_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    customer_id: Mapped[uuid.UUID] = mapped_column(index=True)
    category: Mapped[str] = mapped_column(String(60))
    model: Mapped[str] = mapped_column(String(100))
    purchased_on: Mapped[date] = mapped_column(Date)
    warranty_until: Mapped[date] = mapped_column(Date)
    deregistered: Mapped[bool] = mapped_column(default=False)
    tenant_id: Mapped[str | None] = mapped_column(String(64))
    aggregate_version: Mapped[int]
    updated_at: Mapped[datetime] = mapped_column(TZ, server_default=func.now())


class CompletedJobRow(Base):
    """Every ``dispatch.job.completed.v1``, kept until its charge is issued (it may arrive
    before the ticket's facts, or before any price list exists)."""

    __tablename__ = "completed_jobs"
    __table_args__ = (
        Index(
            "ix_completed_jobs_pending", "received_at", postgresql_where=text("charge_id IS NULL")
        ),
    )

    job_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    ticket_id: Mapped[uuid.UUID] = mapped_column(index=True)
    point_id: Mapped[uuid.UUID]
    technician_id: Mapped[uuid.UUID]
    completed_at: Mapped[datetime] = mapped_column(TZ)
    event: Mapped[dict[str, Any]] = mapped_column(JSONB)
    received_at: Mapped[datetime] = mapped_column(TZ)
    charge_id: Mapped[uuid.UUID | None]
    waiting_for: Mapped[str | None] = mapped_column(String(40))
    # From v3: a warranty exclusion the technician claims, and the cause the point gives for a
    # late arrival ({reason|cause, note, photo_ref?}).
    exclusion: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
    delay_cause: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
    # A late report (dispatch's ``received``): when its arrival and completion reached dispatch
    # ({arrived_at, arrived_late_minutes, completed_at, reported_late_by_minutes}).
    received: Mapped[dict[str, Any] | None] = mapped_column(JSONB)


class PriceListRow(Base):
    __tablename__ = "price_lists"

    version: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    effective_from: Mapped[datetime] = mapped_column(TZ, index=True)
    currency: Mapped[str] = mapped_column(String(3))
    body: Mapped[dict[str, Any]] = mapped_column(JSONB)
    created_by: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(TZ)


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


class CampaignRow(Base):
    """A free service campaign (特别服务): matching jobs are class C for what it covers."""

    __tablename__ = "campaigns"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    categories: Mapped[list[str]] = mapped_column(JSONB)
    regions: Mapped[list[str]] = mapped_column(JSONB)
    kinds: Mapped[list[str]] = mapped_column(JSONB)
    from_on: Mapped[date] = mapped_column(Date, index=True)
    to_on: Mapped[date] = mapped_column(Date, index=True)
    covers: Mapped[list[str]] = mapped_column(JSONB)
    created_by: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(TZ)


class ContractProductRow(Base):
    __tablename__ = "contract_products"

    contract_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("contracts.id"), primary_key=True)
    product_id: Mapped[uuid.UUID] = mapped_column(primary_key=True, index=True)


class ChargeRow(Base):
    __tablename__ = "charges"
    __table_args__ = (
        Index("ix_charges_point_id_month", "point_id", "month"),
        Index("ix_charges_updated_at_id", "updated_at", "id"),
        Index("ix_charges_sync_xid_id", "sync_xid", "id"),
        Index(
            "ix_charges_auto_invoice_at",
            "auto_invoice_at",
            postgresql_where=text("invoice_id IS NULL AND auto_invoice_at IS NOT NULL"),
        ),
        # One charge per ticket solved on the phone (a job-less charge that supplements none).
        Index(
            "uq_charges_remote_ticket",
            "ticket_id",
            unique=True,
            postgresql_where=text("job_id IS NULL AND supplements IS NULL"),
        ),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    ticket_id: Mapped[uuid.UUID] = mapped_column(index=True)
    job_id: Mapped[uuid.UUID | None] = mapped_column(unique=True)
    point_id: Mapped[uuid.UUID | None]
    technician_id: Mapped[uuid.UUID | None] = mapped_column(index=True)
    service_class: Mapped[str] = mapped_column(String(1))
    class_reason: Mapped[str] = mapped_column(Text)
    contract_id: Mapped[uuid.UUID | None]
    price_list_version: Mapped[int | None] = mapped_column(Integer)
    currency: Mapped[str] = mapped_column(String(3))
    customer_total: Mapped[int] = mapped_column(BigInteger)
    company_cost: Mapped[int] = mapped_column(BigInteger)
    work_value: Mapped[int] = mapped_column(BigInteger)
    compensation: Mapped[int] = mapped_column(BigInteger)
    credited: Mapped[int] = mapped_column(BigInteger, default=0)
    paid_total: Mapped[int] = mapped_column(BigInteger, default=0)
    status: Mapped[str] = mapped_column(String(12))
    review: Mapped[list[str]] = mapped_column(JSONB, default=list)
    # Held (an implausible report): not invoiced, not settled, until finance releases it.
    held_reason: Mapped[str | None] = mapped_column(Text)
    released_by: Mapped[str | None] = mapped_column(Text)
    released_at: Mapped[datetime | None] = mapped_column(TZ)
    month: Mapped[str] = mapped_column(String(7))
    completed_at: Mapped[datetime] = mapped_column(TZ)
    issued_at: Mapped[datetime] = mapped_column(TZ)
    invoice_id: Mapped[uuid.UUID | None]
    auto_invoice_at: Mapped[datetime | None] = mapped_column(TZ)
    campaign_id: Mapped[uuid.UUID | None]
    # A claimed warranty exclusion: {reason, note, photo_ref, otherwise: {service_class,
    # class_reason, customer_total, company_cost}, overturned?: {by, at, reason, credit_note}}.
    exclusion: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
    # Late arrival: minutes, the point's stated cause, and finance's waiver.
    late_minutes: Mapped[int] = mapped_column(Integer, default=0)
    delay_cause: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
    late_waived: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
    # Why the point is not paid for this job's work (a rework of its own unfixed job).
    unpaid_reason: Mapped[str | None] = mapped_column(Text)
    # A job reported late: both figures (by the times reported and by the times dispatch
    # received the reports), what differs, and the basis finance released it on.
    late_report: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
    # A supplementary charge: its own number, and the charge whose correction it is.
    number: Mapped[str | None] = mapped_column(String(20), unique=True)
    supplements: Mapped[uuid.UUID | None] = mapped_column(index=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    updated_at: Mapped[datetime] = mapped_column(TZ)
    # The transaction that last wrote the row, set by a trigger (migration 0009): the order of
    # the sync cursor (`?since=`, aftersales.http.pagination.sync_page). Never set it here.
    sync_xid: Mapped[int] = mapped_column(BigInteger, server_default=text("0"))


class ChargeLineRow(Base):
    __tablename__ = "charge_lines"

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=True)
    charge_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("charges.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20))
    description: Mapped[str] = mapped_column(Text)
    sku: Mapped[str | None] = mapped_column(String(60))
    quantity: Mapped[int] = mapped_column(Integer)
    unit_price: Mapped[int | None] = mapped_column(BigInteger)
    list_amount: Mapped[int] = mapped_column(BigInteger)
    customer_amount: Mapped[int] = mapped_column(BigInteger)
    company_amount: Mapped[int] = mapped_column(BigInteger)


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


class InvoiceRow(Base):
    __tablename__ = "invoices"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(20), unique=True)
    year: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer)
    charge_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("charges.id"), unique=True)
    amount: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3))
    automatic: Mapped[bool] = mapped_column(Boolean)
    # Issued for a charge paid in full already (on site): the invoice says so.
    paid: Mapped[bool] = mapped_column(Boolean, default=False)
    issued_by: Mapped[str] = mapped_column(String(200))
    issued_at: Mapped[datetime] = mapped_column(TZ)


class CreditNoteRow(Base):
    __tablename__ = "credit_notes"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(20), unique=True)
    charge_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("charges.id"), index=True)
    invoice_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("invoices.id"))
    amount: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3))
    reason: Mapped[str] = mapped_column(Text)
    issued_by: Mapped[str] = mapped_column(String(200))
    issued_at: Mapped[datetime] = mapped_column(TZ)


class DocumentCounterRow(Base):
    """The last number used per series and year; its row lock makes numbers gapless."""

    __tablename__ = "document_counters"

    series: Mapped[str] = mapped_column(String(20), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    last: Mapped[int] = mapped_column(Integer)


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


class AdminWorkRow(Base):
    """Class D: internal admin work (inspections, parts management, tool upkeep, training)."""

    __tablename__ = "admin_work"
    __table_args__ = (Index("ix_admin_work_month_staff", "month", "staff"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    staff: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20))
    minutes: Mapped[int] = mapped_column(Integer)
    performed_on: Mapped[date] = mapped_column(Date)
    month: Mapped[str] = mapped_column(String(7))
    point_id: Mapped[uuid.UUID | None]
    note: Mapped[str | None] = mapped_column(Text)
    recorded_by: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(TZ)


class PointDeductionRow(Base):
    """What comes off a point's settlement: complaints, penalties, SLA breaches."""

    __tablename__ = "point_deductions"
    __table_args__ = (
        UniqueConstraint("kind", "source_id"),
        Index("ix_point_deductions_point_id_month", "point_id", "month"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    point_id: Mapped[uuid.UUID]
    month: Mapped[str] = mapped_column(String(7))
    kind: Mapped[str] = mapped_column(String(20))
    source_id: Mapped[uuid.UUID]
    amount: Mapped[int] = mapped_column(BigInteger)
    reason: Mapped[str] = mapped_column(Text)
    occurred_at: Mapped[datetime] = mapped_column(TZ)


class StaffPenaltyRow(Base):
    """A penalty on a staff member (the second strike, §1 (15)): the technician's ledger."""

    __tablename__ = "staff_penalties"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    technician_id: Mapped[uuid.UUID] = mapped_column(index=True)
    point_id: Mapped[uuid.UUID | None]
    complaint_id: Mapped[uuid.UUID] = mapped_column(unique=True)
    strike: Mapped[int] = mapped_column(Integer)
    amount: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3))
    reason: Mapped[str] = mapped_column(Text)
    # Deducted from the point's settlement too: only when the point is a partner.
    deducted_from_point: Mapped[bool] = mapped_column(Boolean)
    month: Mapped[str] = mapped_column(String(7))
    decided_at: Mapped[datetime] = mapped_column(TZ)


class PointFactsRow(Base):
    """billing's projection of dispatch's network points (``dispatch.point.*``)."""

    __tablename__ = "point_facts"

    point_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(200))
    is_partner: Mapped[bool] = mapped_column(Boolean)
    aggregate_version: Mapped[int]
    updated_at: Mapped[datetime] = mapped_column(TZ)


class CallbackFactsRow(Base):
    """Callback outcomes (``feedback.callback.recorded``): what settles a point's rework."""

    __tablename__ = "callback_facts"
    __table_args__ = (Index("ix_callback_facts_ticket", "ticket_id", "recorded_at"),)

    callback_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    ticket_id: Mapped[uuid.UUID]
    job_id: Mapped[uuid.UUID | None]
    point_id: Mapped[uuid.UUID | None]
    outcome: Mapped[str | None] = mapped_column(String(30))
    recorded_at: Mapped[datetime] = mapped_column(TZ)


class GradedMonthRow(Base):
    """A month feedback has graded (``feedback.grading.completed.v1``): it may be closed."""

    __tablename__ = "graded_months"

    month: Mapped[str] = mapped_column(String(7), primary_key=True)
    runs: Mapped[int] = mapped_column(Integer)
    last_completed_at: Mapped[datetime] = mapped_column(TZ)


class PointGradeRow(Base):
    __tablename__ = "point_grades"

    point_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    month: Mapped[str] = mapped_column(String(7), primary_key=True)
    grade: Mapped[str] = mapped_column(String(1))
    graded_at: Mapped[datetime] = mapped_column(TZ)


class ClosedMonthRow(Base):
    __tablename__ = "closed_months"

    month: Mapped[str] = mapped_column(String(7), primary_key=True)
    closed_by: Mapped[str] = mapped_column(String(200))
    closed_at: Mapped[datetime] = mapped_column(TZ)
    # Closed before feedback graded it: finance forced it, and why.
    forced_reason: Mapped[str | None] = mapped_column(Text)


class SettlementRow(Base):
    """A closed statement: immutable (a trigger refuses updates and deletes)."""

    __tablename__ = "settlements"
    __table_args__ = (UniqueConstraint("point_id", "month"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    point_id: Mapped[uuid.UUID]
    month: Mapped[str] = mapped_column(String(7), index=True)
    jobs: Mapped[int] = mapped_column(Integer)
    grade: Mapped[str | None] = mapped_column(String(1))
    grade_factor_percent: Mapped[int] = mapped_column(Integer)
    gross: Mapped[int] = mapped_column(BigInteger)
    deductions: Mapped[int] = mapped_column(BigInteger)
    net: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3))
    statement: Mapped[dict[str, Any]] = mapped_column(JSONB)
    closed_at: Mapped[datetime] = mapped_column(TZ)


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
