"""Claims review: the flags raised on charges (and on money the field holds), and the running
summaries the rules weigh a job against."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import Date, Float, Index, Integer, String, Text
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from billing.adapters.tables.base import TZ, Base


class ReviewRow(Base):
    """One rule's finding, open until finance clears it (or clears it with an adjustment).
    ``finding`` names it once (rule and subject): a redelivered job or a second pass of a
    scheduled check raises nothing twice."""

    __tablename__ = "reviews"
    __table_args__ = (
        Index("ix_reviews_status_flagged_at_id", "status", "flagged_at", "id"),
        Index("ix_reviews_point_id_flagged_at", "point_id", "flagged_at"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    finding: Mapped[str] = mapped_column(String(120), unique=True)
    rule: Mapped[str] = mapped_column(String(40))
    action: Mapped[str] = mapped_column(String(4))
    subject: Mapped[str] = mapped_column(String(10))  # charge | cash | payment
    charge_id: Mapped[uuid.UUID | None] = mapped_column(index=True)
    payment_id: Mapped[uuid.UUID | None]
    job_id: Mapped[uuid.UUID | None]
    ticket_id: Mapped[uuid.UUID | None]
    point_id: Mapped[uuid.UUID | None]
    figure: Mapped[float | None] = mapped_column(Float)
    norm: Mapped[float | None] = mapped_column(Float)
    reason: Mapped[str] = mapped_column(Text)
    details: Mapped[dict[str, Any]] = mapped_column(JSONB, default=dict)
    status: Mapped[str] = mapped_column(String(10))  # open | cleared | adjusted
    flagged_at: Mapped[datetime] = mapped_column(TZ)
    cleared_by: Mapped[str | None] = mapped_column(Text)
    cleared_at: Mapped[datetime | None] = mapped_column(TZ)
    note: Mapped[str | None] = mapped_column(Text)
    # An adjustment: the credit note, supplementary charge and point deduction it issued.
    correction: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
    version: Mapped[int] = mapped_column(Integer, default=1)


class LabourDayRow(Base):
    """The network's completed jobs per category, day (local) and labour minutes: the running
    summary the labour norm is read from."""

    __tablename__ = "labour_days"

    category: Mapped[str] = mapped_column(String(60), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    minutes: Mapped[int] = mapped_column(Integer, primary_key=True)
    jobs: Mapped[int] = mapped_column(Integer)


class LabourNormRow(Base):
    """A category's labour percentile over the window before ``day``: read once a day per
    category, not per job."""

    __tablename__ = "labour_norms"

    category: Mapped[str] = mapped_column(String(60), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    window_days: Mapped[int] = mapped_column(Integer, primary_key=True)
    percentile: Mapped[float] = mapped_column(Float, primary_key=True)
    value: Mapped[float | None] = mapped_column(Float)
    jobs: Mapped[int] = mapped_column(Integer)


class ClaimVisitRow(Base):
    """Each charged job's unit and customer: what repeat visits and a customer's jobs are
    counted from."""

    __tablename__ = "claim_visits"
    __table_args__ = (
        Index("ix_claim_visits_serial", "serial_no", "point_id", "completed_at"),
        Index("ix_claim_visits_customer", "customer_id", "completed_at"),
    )

    job_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    ticket_id: Mapped[uuid.UUID]
    point_id: Mapped[uuid.UUID]
    customer_id: Mapped[uuid.UUID]
    serial_no: Mapped[str | None] = mapped_column(String(100))
    category: Mapped[str] = mapped_column(String(60))
    completed_at: Mapped[datetime] = mapped_column(TZ)
