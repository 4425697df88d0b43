"""Charges and their lines."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from billing.adapters.tables.base import TZ, Base


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
    # A parts order delivered after its promised date (clause 5): {promised_by, delivered_at,
    # delivered_on, days_late, per_day, amount, credit_note_number, capped}, and finance's
    # waiver when an outside cause is accepted ({cause, reason, by, at, supplementary...}).
    delivery_delay: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
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
