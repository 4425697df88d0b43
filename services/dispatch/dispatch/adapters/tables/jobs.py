"""Jobs (one per visit), their offers, their history, the customers' signatures, and
the tickets kept until a callback may ask for a first visit."""

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
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    false,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from dispatch.adapters.tables.base import TZ, Base

# The board's next clock and its due time ("9999-12-31" when none runs) as stored generated
# columns (migration 0019): the SQL of
# ``dispatch.adapters.repositories.board.BOARD.generated_sql()``, which a unit test holds them to.
JOB_BOARD_CLOCK_SQL = (
    "(CASE WHEN (status IN ('cancelled', 'completed')) THEN NULL WHEN (status = 'offered' AND "
    "offer_expires_at IS NOT NULL) THEN 'accept' WHEN (paused_at IS NOT NULL) THEN NULL WHEN "
    "(status IN ('unrouted', 'offered', 'accepted') AND respond_by IS NOT NULL) THEN 'respond' "
    "WHEN (status IN ('scheduled', 'en_route') AND appointment_end IS NOT NULL) THEN 'arrival' "
    "WHEN (complete_by IS NOT NULL) THEN 'completion' ELSE NULL END)"
)
JOB_BOARD_DUE_SQL = (
    "(coalesce(CASE WHEN (status IN ('cancelled', 'completed')) THEN NULL WHEN (status = "
    "'offered' AND offer_expires_at IS NOT NULL) THEN offer_expires_at WHEN (paused_at IS NOT "
    "NULL) THEN NULL WHEN (status IN ('unrouted', 'offered', 'accepted') AND respond_by IS NOT "
    "NULL) THEN respond_by WHEN (status IN ('scheduled', 'en_route') AND appointment_end IS "
    "NOT NULL) THEN appointment_end WHEN (complete_by IS NOT NULL) THEN complete_by ELSE NULL "
    "END, to_timestamp(253402214400)))"
)
JOB_OPEN_SQL = (
    "status IN ('unrouted', 'offered', 'accepted', 'scheduled', 'en_route', 'on_site', "
    "'awaiting_parts', 'in_workshop', 'repaired', 'inspected')"
)


class JobRow(Base):
    """One visit's worth of work on a ticket (a ticket may get several: rework)."""

    __tablename__ = "jobs"
    __table_args__ = (
        Index("ix_jobs_board_due", "board_due", "id", postgresql_where=text(JOB_OPEN_SQL)),
        Index("ix_jobs_updated_at_id", "updated_at", "id"),
        Index("ix_jobs_sync_xid_id", "sync_xid", "id"),
        Index("ix_jobs_point_id_service_date", "point_id", "service_date"),
        # The board's region filter, by a code's prefix (migration 0018).
        Index("ix_jobs_region", "region", postgresql_ops={"region": "varchar_pattern_ops"}),
        UniqueConstraint("ticket_id", "visit_number"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    # The board (``JOB_BOARD_*_SQL``): computed by PostgreSQL on every write.
    board_clock: Mapped[str | None] = mapped_column(
        String(20), Computed(JOB_BOARD_CLOCK_SQL, persisted=True)
    )
    board_due: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), Computed(JOB_BOARD_DUE_SQL, persisted=True)
    )
    ticket_id: Mapped[uuid.UUID] = mapped_column(index=True)
    ticket_number: Mapped[str] = mapped_column(String(20))
    # The class billing charged the job under (billing.charge.issued.v1), for the parts reports.
    service_class: Mapped[str | None] = mapped_column(String(1))
    kind: Mapped[str] = mapped_column(String(20))
    region: Mapped[str] = mapped_column(String(12))
    category: Mapped[str] = mapped_column(String(60))
    description: Mapped[str] = mapped_column(Text, default="")
    customer: Mapped[dict[str, Any]] = mapped_column(JSONB, default=dict)
    product: Mapped[dict[str, Any]] = mapped_column(JSONB, default=dict)
    # What a training or a sample test is about, when the ticket names no product.
    topic: Mapped[str | None] = mapped_column(Text)
    # The customer's window: preferred on the ticket, or agreed with the centre (then a booking
    # must lie inside it, but for a reschedule the customer asked for).
    preferred_start: Mapped[datetime | None] = mapped_column(TZ)
    preferred_end: Mapped[datetime | None] = mapped_column(TZ)
    window_agreed: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    window_agreed_at: Mapped[datetime | None] = mapped_column(TZ)
    window_agreed_by: Mapped[str | None] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(20), index=True)
    status_reason: Mapped[str | None] = mapped_column(Text)
    point_id: Mapped[uuid.UUID | None] = mapped_column(index=True)
    technician_id: Mapped[uuid.UUID | None] = mapped_column(index=True)
    visit_number: Mapped[int] = mapped_column(Integer, default=1)
    previous_job_id: Mapped[uuid.UUID | None]
    rework_reason: Mapped[str | None] = mapped_column(String(40))
    avoid_point_id: Mapped[uuid.UUID | None]
    avoid_technician_id: Mapped[uuid.UUID | None]
    service_date: Mapped[date | None] = mapped_column(Date)
    attempt: Mapped[int] = mapped_column(Integer, default=0)
    offer_expires_at: Mapped[datetime | None] = mapped_column(TZ)
    # The board's clocks (dispatch.domain.board; migration 0018): the booking due (the respond
    # clock's) until the visit is booked, and the ticket's deadline to finish; both moved on by
    # pauses. Null on jobs made before, but for the booking due of those still to book.
    respond_by: Mapped[datetime | None] = mapped_column(TZ)
    complete_by: Mapped[datetime | None] = mapped_column(TZ)
    routing: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
    accepted_at: Mapped[datetime | None] = mapped_column(TZ)
    appointment_start: Mapped[datetime | None] = mapped_column(TZ)
    appointment_end: Mapped[datetime | None] = mapped_column(TZ)
    last_report: Mapped[str | None] = mapped_column(String(20))
    last_report_at: Mapped[datetime | None] = mapped_column(TZ)
    arrived_at: Mapped[datetime | None] = mapped_column(TZ)
    # When the arrival and the completion reached dispatch (their `at` is the phone's word).
    arrived_received_at: Mapped[datetime | None] = mapped_column(TZ)
    completed_received_at: Mapped[datetime | None] = mapped_column(TZ)
    receipt_no: Mapped[str | None] = mapped_column(String(20), unique=True)
    resolution: Mapped[str | None] = mapped_column(String(10))
    labor_minutes: Mapped[int] = mapped_column(Integer, default=0)
    parts: Mapped[list[dict[str, Any]]] = mapped_column(JSONB, default=list)
    travel_km: Mapped[int] = mapped_column(Integer, default=0)
    arrived_late_minutes: Mapped[int | None] = mapped_column(Integer)
    completed_at: Mapped[datetime | None] = mapped_column(TZ)
    # What the technician found and did (fault codes, dispatch.domain.fault_codes).
    symptom_code: Mapped[str | None] = mapped_column(String(40))
    cause_code: Mapped[str | None] = mapped_column(String(40))
    action_code: Mapped[str | None] = mapped_column(String(40))
    outcome: Mapped[str | None] = mapped_column(String(20))
    exclusion: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
    delay_cause: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
    # The ticket's clocks are paused (by the centre, or by the point through this job).
    paused_at: Mapped[datetime | None] = mapped_column(TZ)
    pause_reason: Mapped[str | None] = mapped_column(String(20))
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(TZ, server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(TZ, server_default=func.now())
    # The transaction that last wrote the row, set by a trigger (migration 0013): the order of
    # the sync cursor (`?since=`, aftersales.http.pagination.sync_page). Never set it here.
    sync_xid: Mapped[int] = mapped_column(BigInteger, server_default=text("0"))


class JobOfferRow(Base):
    """Each time a job was offered to a point, and what the point did with it."""

    __tablename__ = "job_offers"
    __table_args__ = (UniqueConstraint("job_id", "attempt"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    job_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("jobs.id"))
    point_id: Mapped[uuid.UUID]
    attempt: Mapped[int] = mapped_column(Integer)
    offered_at: Mapped[datetime] = mapped_column(TZ)
    expires_at: Mapped[datetime] = mapped_column(TZ)
    outcome: Mapped[str] = mapped_column(String(12))  # pending|accepted|declined|expired|withdrawn
    reason: Mapped[str | None] = mapped_column(Text)
    decided_at: Mapped[datetime | None] = mapped_column(TZ)
    why: Mapped[str] = mapped_column(Text)


class JobHistoryRow(Base):
    """Every change of a job, with the time it happened and the time it was reported."""

    __tablename__ = "job_history"
    __table_args__ = (Index("ix_job_history_job_id_seq", "job_id", "seq"),)

    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=True)
    # No foreign key: the log is written beside its job, which is never deleted, and the key's
    # check cost a statement per row (migration 0014).
    job_id: Mapped[uuid.UUID]
    action: Mapped[str] = mapped_column(String(30))
    status: Mapped[str] = mapped_column(String(20))
    previous_status: Mapped[str | None] = mapped_column(String(20))
    at: Mapped[datetime] = mapped_column(TZ)
    recorded_at: Mapped[datetime] = mapped_column(TZ, server_default=func.now())
    actor: Mapped[str] = mapped_column(String(200))
    note: Mapped[str | None] = mapped_column(Text)
    details: Mapped[dict[str, Any] | None] = mapped_column(JSONB)


class RemoteTicketRow(Base):
    """A ticket that needed no visit (``intake.ticket.created``), kept in case its callback
    reopens it: then dispatch sends a first visit."""

    __tablename__ = "remote_tickets"

    ticket_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    facts: Mapped[dict[str, Any]] = mapped_column(JSONB)
    created_at: Mapped[datetime] = mapped_column(TZ, server_default=func.now())


class SignatureRow(Base):
    __tablename__ = "signatures"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    job_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("jobs.id"), index=True)
    report: Mapped[str] = mapped_column(String(20))
    content_type: Mapped[str | None] = mapped_column(String(40))
    image: Mapped[bytes | None] = mapped_column(LargeBinary)
    reference: Mapped[str | None] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64))
    signed_at: Mapped[datetime] = mapped_column(TZ)
