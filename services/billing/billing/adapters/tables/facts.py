"""What billing keeps of the other services' aggregates: tickets and products (intake), completed
jobs and points (dispatch), callbacks, grades and graded months (feedback)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import Boolean, Date, Index, Integer, String, func, text
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from billing.adapters.tables.base import TZ, Base


class TicketFactsRow(Base):
    """What billing needs to know of a ticket to classify its charges (from intake's events)."""

    __tablename__ = "ticket_facts"

    ticket_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(20))
    kind: Mapped[str] = mapped_column(String(20))
    customer_id: Mapped[uuid.UUID] = mapped_column(index=True)
    # None for a ticket without a product (sales training, a sample with no registered
    # product): ``category`` is then the one the ticket names, and there is no warranty.
    product_id: Mapped[uuid.UUID | None] = mapped_column(index=True)
    category: Mapped[str] = mapped_column(String(60))
    purchased_on: Mapped[date | None] = mapped_column(Date)
    warranty_until: Mapped[date | None] = mapped_column(Date)
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
    # Whether the customer confirmed the visit (yes | no | not_asked).
    visit_confirmed: Mapped[str | None] = mapped_column(String(10))


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
