"""feedback's tables (schema ``feedback``)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Computed,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    SmallInteger,
    String,
    Text,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from aftersales.database import make_metadata

metadata = make_metadata("feedback")
TZ = DateTime(timezone=True)


class Base(DeclarativeBase):
    metadata = metadata


# 0 for an audit callback still due (the queue's first), 1 for any other.
QUEUE_RANK_SQL = "(CASE WHEN audit AND status = 'due' THEN 0 ELSE 1 END)"


class TicketContactRow(Base):
    """Whom to call back for a ticket (from intake's events)."""

    __tablename__ = "ticket_contacts"

    ticket_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(20))
    kind: Mapped[str] = mapped_column(String(20))
    customer_id: Mapped[uuid.UUID] = mapped_column(index=True)
    customer_name: Mapped[str] = mapped_column(String(200))
    phone: Mapped[str] = mapped_column(String(40))
    product_model: Mapped[str | None] = mapped_column(String(100))  # None: no product
    category: Mapped[str | None] = mapped_column(String(60))
    tenant_id: Mapped[str | None] = mapped_column(String(64), index=True)
    aggregate_version: Mapped[int]
    opened_at: Mapped[datetime] = mapped_column(TZ)
    updated_at: Mapped[datetime] = mapped_column(TZ, server_default=func.now())


class CallbackRow(Base):
    """One callback task per completed job, with what the job did (for scorecards/reports)."""

    __tablename__ = "callbacks"
    __table_args__ = (
        Index("ix_callbacks_point_id_month", "point_id", "month"),
        Index("ix_callbacks_technician_id_month", "technician_id", "month"),
        Index("ix_callbacks_due", "due_at", postgresql_where=text("status = 'due'")),
        Index(
            "ix_callbacks_overdue_watch",
            "due_at",
            postgresql_where=text("status = 'due' AND overdue_at IS NULL"),
        ),
        Index("ix_callbacks_updated_at_id", "updated_at", "id"),
        # A ticket has one callback with no job per reason (solved on the phone, refunded,
        # replaced), and a resolved complaint one per resolution.
        Index(
            "ux_callbacks_ticket_reason",
            "ticket_id",
            "reason",
            unique=True,
            postgresql_where=text("job_id IS NULL AND complaint_id IS NULL"),
        ),
        Index(
            "ux_callbacks_complaint_round",
            "complaint_id",
            "complaint_round",
            unique=True,
            postgresql_where=text("complaint_id IS NOT NULL"),
        ),
        Index("ix_callbacks_recorded_by_month", "recorded_by", "month"),
        # The queue: audit callbacks still due first (``CallbackRepository.QUEUE_RANK``).
        Index("ix_callbacks_queue", "queue_rank", "updated_at", "id"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    job_id: Mapped[uuid.UUID | None] = mapped_column(unique=True)  # None: no visit (reason)
    # job | resolved_remotely | complaint_resolved | refunded | replaced
    reason: Mapped[str] = mapped_column(String(20), default="job")
    # A resolved complaint's satisfaction call: the complaint, and which of its resolutions.
    complaint_id: Mapped[uuid.UUID | None]
    complaint_round: Mapped[int | None] = mapped_column(Integer)
    ticket_id: Mapped[uuid.UUID] = mapped_column(index=True)
    point_id: Mapped[uuid.UUID | None]
    technician_id: Mapped[uuid.UUID | None]
    visit_number: Mapped[int] = mapped_column(Integer)
    resolution: Mapped[str] = mapped_column(String(10))
    labor_minutes: Mapped[int] = mapped_column(Integer)
    travel_km: Mapped[int] = mapped_column(Integer)
    parts: Mapped[list[dict[str, Any]]] = mapped_column(JSONB)
    arrived_late_minutes: Mapped[int] = mapped_column(Integer)
    completed_at: Mapped[datetime] = mapped_column(TZ)
    # The unit and what was found (dispatch.job.completed.v2), for the quality report.
    model: Mapped[str | None] = mapped_column(String(100))
    serial_no: Mapped[str | None] = mapped_column(String(100))
    report_outcome: Mapped[str | None] = mapped_column(String(40))  # fixed|no_fault_found|misuse
    symptom_code: Mapped[str | None] = mapped_column(String(40))
    cause_code: Mapped[str | None] = mapped_column(String(40))
    action_code: Mapped[str | None] = mapped_column(String(40))
    month: Mapped[str] = mapped_column(String(7))
    due_at: Mapped[datetime] = mapped_column(TZ)
    status: Mapped[str] = mapped_column(String(12))  # due | done | unreachable | withdrawn
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    reached: Mapped[bool | None] = mapped_column(Boolean)
    outcome: Mapped[str | None] = mapped_column(String(30))
    score: Mapped[int | None] = mapped_column(Integer)
    comment: Mapped[str | None] = mapped_column(Text)
    recorded_by: Mapped[str | None] = mapped_column(String(200))
    recorded_at: Mapped[datetime | None] = mapped_column(TZ)
    # Not done by due_at: reported once (feedback.callback.overdue.v1), against the centre.
    overdue_at: Mapped[datetime | None] = mapped_column(TZ)
    # Drawn for the audit sample (its callback must ask); what the customer said of the visit.
    audit: Mapped[bool] = mapped_column(Boolean, default=False)
    # The queue's first key (``ix_callbacks_queue``), kept by PostgreSQL: 0 for an audit
    # callback still due, 1 for any other.
    queue_rank: Mapped[int] = mapped_column(SmallInteger, Computed(QUEUE_RANK_SQL, persisted=True))
    visit_confirmed: Mapped[str] = mapped_column(String(10), default="not_asked")  # yes|no
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(TZ)
    updated_at: Mapped[datetime] = mapped_column(TZ)


class CallbackAttemptRow(Base):
    __tablename__ = "callback_attempts"

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=True)
    callback_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("callbacks.id"), index=True)
    reached: Mapped[bool] = mapped_column(Boolean)
    note: Mapped[str | None] = mapped_column(Text)
    by: Mapped[str] = mapped_column(String(200))
    at: Mapped[datetime] = mapped_column(TZ)


class ComplaintRow(Base):
    __tablename__ = "complaints"
    __table_args__ = (
        Index("ix_complaints_point_id_month", "point_id", "month"),
        Index("ix_complaints_counted_month_point_id", "counted_month", "point_id"),
        Index("ix_complaints_updated_at_id", "updated_at", "id"),
        Index(
            "ix_complaints_reply_watch",
            "reply_by",
            postgresql_where=text("reply_overdue_at IS NULL AND replied_at IS NULL"),
        ),
        Index(
            "ix_complaints_resolve_watch",
            "resolve_by",
            postgresql_where=text("resolve_overdue_at IS NULL AND resolved_at IS NULL"),
        ),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    ticket_id: Mapped[uuid.UUID] = mapped_column(index=True)
    point_id: Mapped[uuid.UUID | None]
    technician_id: Mapped[uuid.UUID | None] = mapped_column(index=True)
    callback_id: Mapped[uuid.UUID | None] = mapped_column(unique=True)
    # The staff member it is about (any role of the register; a technician's is its id).
    staff_id: Mapped[uuid.UUID | None] = mapped_column(index=True)
    category: Mapped[str] = mapped_column(String(10), default="conduct")
    source: Mapped[str] = mapped_column(String(10))  # callback | agent | crm | ticket
    tenant_id: Mapped[str | None] = mapped_column(String(64), index=True)
    text: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(10))  # open | replied | resolved
    opened_by: Mapped[str] = mapped_column(String(200))
    opened_at: Mapped[datetime] = mapped_column(TZ)
    month: Mapped[str] = mapped_column(String(7))
    reply_by: Mapped[datetime] = mapped_column(TZ)
    resolve_by: Mapped[datetime] = mapped_column(TZ)
    reply: Mapped[str | None] = mapped_column(Text)
    replied_at: Mapped[datetime | None] = mapped_column(TZ)
    resolution: Mapped[str | None] = mapped_column(Text)
    substantiated: Mapped[bool | None] = mapped_column(Boolean)
    resolved_at: Mapped[datetime | None] = mapped_column(TZ)
    reply_overdue_at: Mapped[datetime | None] = mapped_column(TZ)
    resolve_overdue_at: Mapped[datetime | None] = mapped_column(TZ)
    # Why the centre named someone who served none of the ticket's jobs (None: it did not).
    attribution_reason: Mapped[str | None] = mapped_column(Text)
    # The month whose scorecard counts it: set when it is substantiated, to its own month or,
    # when that month was graded already, the next month not yet graded.
    counted_month: Mapped[str | None] = mapped_column(String(7))
    # Reopened by its satisfaction call (any outcome but satisfied), with fresh clocks; the
    # deadlines missed before each reopening stay on the centre's record.
    reopen_count: Mapped[int] = mapped_column(Integer, default=0)
    reopened_at: Mapped[datetime | None] = mapped_column(TZ)
    replies_late_before: Mapped[int] = mapped_column(Integer, default=0)
    resolutions_late_before: Mapped[int] = mapped_column(Integer, default=0)
    # A complaint about a reception (clause 7): the reception, whose host it names.
    reception_id: Mapped[uuid.UUID | None] = mapped_column(index=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    updated_at: Mapped[datetime] = mapped_column(TZ)


class TicketPartyRow(Base):
    """Who was offered, assigned or served one of a ticket's jobs (from dispatch's events):
    whom a complaint about the ticket may name. ``how`` keeps the furthest they came."""

    __tablename__ = "ticket_parties"

    ticket_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(10), primary_key=True)  # point | technician
    party_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    how: Mapped[str] = mapped_column(String(10))  # offered | assigned | served
    first_seen_at: Mapped[datetime] = mapped_column(TZ)


class StrikeRow(Base):
    """A substantiated conduct complaint against a staff member, and what it brought."""

    __tablename__ = "strikes"
    __table_args__ = (
        Index("ix_strikes_technician_id_at", "technician_id", "at"),
        Index("ix_strikes_staff_id_at", "staff_id", "at"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    staff_id: Mapped[uuid.UUID]
    role: Mapped[str] = mapped_column(String(20), default="technician")
    technician_id: Mapped[uuid.UUID | None]
    point_id: Mapped[uuid.UUID | None]
    complaint_id: Mapped[uuid.UUID] = mapped_column(unique=True)
    strike: Mapped[int] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(10))
    # The window the strike was counted in (None: for life), as the settings had it then.
    window_days: Mapped[int | None] = mapped_column(Integer)
    at: Mapped[datetime] = mapped_column(TZ)


class StaffRow(Base):
    """A service person clause 15 may discipline: a technician (projected from dispatch's job
    events, its id the technician's), or an agent, host or sales-service staff member an admin
    registered."""

    __tablename__ = "staff"
    __table_args__ = (
        Index("ix_staff_role", "role"),
        Index(
            "ux_staff_subject", "subject", unique=True, postgresql_where=text("subject IS NOT NULL")
        ),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    role: Mapped[str] = mapped_column(String(20))  # technician | agent | host | sales_service
    name: Mapped[str | None] = mapped_column(String(200))
    point_id: Mapped[uuid.UUID | None]
    # The token subject the member signs in with (an agent's callbacks are theirs by it).
    subject: Mapped[str | None] = mapped_column(String(200))
    source: Mapped[str] = mapped_column(String(10))  # dispatch | admin
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(TZ)
    updated_at: Mapped[datetime] = mapped_column(TZ)


class StaffRewardRow(Base):
    """A staff member's reward for a month (clause 1), decided once, by the month's grading."""

    __tablename__ = "staff_rewards"
    __table_args__ = (
        Index("ux_staff_rewards_staff_month", "staff_id", "month", unique=True),
        Index("ix_staff_rewards_month", "month"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    staff_id: Mapped[uuid.UUID]
    role: Mapped[str] = mapped_column(String(20))
    point_id: Mapped[uuid.UUID | None]
    month: Mapped[str] = mapped_column(String(7))
    amount: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3))
    jobs: Mapped[int] = mapped_column(Integer)
    reached: Mapped[int] = mapped_column(Integer)
    satisfied: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(Text)
    decided_at: Mapped[datetime] = mapped_column(TZ)


class SlaBreachRow(Base):
    __tablename__ = "sla_breaches"
    __table_args__ = (Index("ix_sla_breaches_point_id_month", "point_id", "month"),)

    event_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    ticket_id: Mapped[uuid.UUID]
    job_id: Mapped[uuid.UUID | None] = mapped_column(index=True)
    point_id: Mapped[uuid.UUID | None]
    sla: Mapped[str] = mapped_column(String(12))
    breached_at: Mapped[datetime] = mapped_column(TZ)
    month: Mapped[str] = mapped_column(String(7))


class ReviewFlagRow(Base):
    """A review flag billing raised on a point (``billing.review.flagged.v1``), once per review,
    counted on the point's scorecard in the month it was raised (network time)."""

    __tablename__ = "review_flags"
    __table_args__ = (Index("ix_review_flags_month_point_id", "month", "point_id"),)

    review_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    point_id: Mapped[uuid.UUID]
    rule: Mapped[str] = mapped_column(String(60))
    action: Mapped[str] = mapped_column(String(20))  # hold | mark
    subject: Mapped[str] = mapped_column(String(20))  # charge | cash | payment
    job_id: Mapped[uuid.UUID | None]
    flagged_at: Mapped[datetime] = mapped_column(TZ)
    month: Mapped[str] = mapped_column(String(7))
    recorded_at: Mapped[datetime] = mapped_column(TZ)


class GradingRow(Base):
    """The last published grade of a point for a month, with the scorecard it came from."""

    __tablename__ = "gradings"

    month: Mapped[str] = mapped_column(String(7), primary_key=True)
    point_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    grade: Mapped[str] = mapped_column(String(1))
    scorecard: Mapped[dict[str, Any]] = mapped_column(JSONB)
    fingerprint: Mapped[str] = mapped_column(String(64))
    # No callback reached a customer: ``grade`` is the one kept (previous, or starting).
    ungraded: Mapped[bool] = mapped_column(Boolean, default=False)
    runs: Mapped[int] = mapped_column(Integer)
    graded_at: Mapped[datetime] = mapped_column(TZ)


class CarePlanRow(Base):
    __tablename__ = "care_plans"
    __table_args__ = (
        Index("ix_care_plans_next_due_on", "next_due_on", postgresql_where=text("active")),
        # A direct customer has one usage-tracking plan, made when feedback first hears of it.
        Index(
            "ux_care_plans_usage_tracking",
            "customer_id",
            unique=True,
            postgresql_where=text("purpose = 'usage_tracking'"),
        ),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    customer_id: Mapped[uuid.UUID] = mapped_column(index=True)
    customer_name: Mapped[str] = mapped_column(String(200))
    level: Mapped[str] = mapped_column(String(10))  # senior | ordinary
    # care (a key customer's planned visits) | usage_tracking (a direct customer's)
    purpose: Mapped[str] = mapped_column(String(20), default="care")
    staff: Mapped[str] = mapped_column(String(200))
    next_due_on: Mapped[date] = mapped_column(Date)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(TZ)
    updated_at: Mapped[datetime] = mapped_column(TZ)


class CareVisitRow(Base):
    __tablename__ = "care_visits"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    plan_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("care_plans.id"), index=True)
    visited_on: Mapped[date] = mapped_column(Date)
    staff: Mapped[str] = mapped_column(String(200))
    notes: Mapped[str | None] = mapped_column(Text)
    recorded_at: Mapped[datetime] = mapped_column(TZ)
