"""dispatch's tables (schema ``dispatch``)."""

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
    LargeBinary,
    Sequence,
    String,
    Text,
    UniqueConstraint,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import ARRAY, JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from aftersales.db import make_metadata

metadata = make_metadata("dispatch")
receipt_no_seq = Sequence("receipt_no_seq", metadata=metadata, start=1)

TZ = DateTime(timezone=True)


class Base(DeclarativeBase):
    metadata = metadata


class PointRow(Base):
    """A network point (网点): a regional service point or a partner repair shop."""

    __tablename__ = "points"
    __table_args__ = (
        Index("ix_points_regions", "regions", postgresql_using="gin"),
        Index("ix_points_categories", "categories", postgresql_using="gin"),
        Index("ix_points_updated_at_id", "updated_at", "id"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    regions: Mapped[list[str]] = mapped_column(ARRAY(String(12)))
    categories: Mapped[list[str]] = mapped_column(ARRAY(String(60)))
    daily_capacity: Mapped[int] = mapped_column(Integer)
    is_partner: Mapped[bool] = mapped_column(Boolean)
    grade: Mapped[str | None] = mapped_column(String(1))
    grade_month: Mapped[str | None] = mapped_column(String(7))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(TZ, server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(TZ, server_default=func.now())


class CapacityOverrideRow(Base):
    """The capacity calendar: a point's daily capacity for a range of days (peaks, holidays)."""

    __tablename__ = "capacity_overrides"
    __table_args__ = (Index("ix_capacity_overrides_point_id_starts_on", "point_id", "starts_on"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    point_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("points.id", ondelete="CASCADE"))
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    daily_capacity: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(Text)
    # Who set it: the operator (admin, agent) or the point itself, which may only lower its
    # capacity and remove only what it set. ``created_by`` is the actor (None before 0011).
    made_by: Mapped[str] = mapped_column(String(10), server_default="operator")
    created_by: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(TZ, server_default=func.now())


class TechnicianRow(Base):
    __tablename__ = "technicians"
    __table_args__ = (
        Index("ix_technicians_point_id_status", "point_id", "status"),
        Index("ix_technicians_updated_at_id", "updated_at", "id"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    point_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("points.id"))
    name: Mapped[str] = mapped_column(String(200))
    phone: Mapped[str] = mapped_column(String(40))
    skills: Mapped[list[str]] = mapped_column(ARRAY(String(60)))
    status: Mapped[str] = mapped_column(String(12))  # active | inactive | dismissed
    status_reason: Mapped[str | None] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(TZ, server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(TZ, server_default=func.now())


class JobRow(Base):
    """One visit's worth of work on a ticket (a ticket may get several: rework)."""

    __tablename__ = "jobs"
    __table_args__ = (
        Index("ix_jobs_updated_at_id", "updated_at", "id"),
        Index("ix_jobs_sync_xid_id", "sync_xid", "id"),
        Index("ix_jobs_point_id_service_date", "point_id", "service_date"),
        UniqueConstraint("ticket_id", "visit_number"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
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
    preferred_start: Mapped[datetime | None] = mapped_column(TZ)
    preferred_end: Mapped[datetime | None] = mapped_column(TZ)
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
    job_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("jobs.id"))
    action: Mapped[str] = mapped_column(String(30))
    status: Mapped[str] = mapped_column(String(20))
    previous_status: Mapped[str | None] = mapped_column(String(20))
    at: Mapped[datetime] = mapped_column(TZ)
    recorded_at: Mapped[datetime] = mapped_column(TZ, server_default=func.now())
    actor: Mapped[str] = mapped_column(String(200))
    note: Mapped[str | None] = mapped_column(Text)
    details: Mapped[dict[str, Any] | None] = mapped_column(JSONB)


class RepairCardRow(Base):
    """The repair card (修护卡) that hangs on a product in the workshop."""

    __tablename__ = "repair_cards"

    job_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("jobs.id"), primary_key=True)
    receipt_no: Mapped[str] = mapped_column(String(20), unique=True)
    received_at: Mapped[datetime] = mapped_column(TZ)
    repaired_at: Mapped[datetime | None] = mapped_column(TZ)
    labor_minutes: Mapped[int] = mapped_column(Integer, default=0)
    parts: Mapped[list[dict[str, Any]]] = mapped_column(JSONB, default=list)
    inspected_at: Mapped[datetime | None] = mapped_column(TZ)
    inspected_by: Mapped[str | None] = mapped_column(String(200))
    # Inspections the repair failed (back to the bench), each {at, by, reason}.
    failed_inspections: Mapped[list[dict[str, Any]]] = mapped_column(
        JSONB, default=list, server_default="[]"
    )
    returned_at: Mapped[datetime | None] = mapped_column(TZ)
    receipt_voided_at: Mapped[datetime | None] = mapped_column(TZ)


class RemoteTicketRow(Base):
    """A ticket that needed no visit (``intake.ticket.created``), kept in case its callback
    reopens it: then dispatch sends a first visit."""

    __tablename__ = "remote_tickets"

    ticket_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    facts: Mapped[dict[str, Any]] = mapped_column(JSONB)
    created_at: Mapped[datetime] = mapped_column(TZ, server_default=func.now())


class FaultCodeListRow(Base):
    """The operator's fault codes for one product category: ``{code: label}`` per kind."""

    __tablename__ = "fault_codes"

    category: Mapped[str] = mapped_column(String(60), primary_key=True)
    symptoms: Mapped[dict[str, str]] = mapped_column(JSONB)
    causes: Mapped[dict[str, str]] = mapped_column(JSONB)
    actions: Mapped[dict[str, str]] = mapped_column(JSONB)
    version: Mapped[int] = mapped_column(Integer, default=1)
    updated_at: Mapped[datetime] = mapped_column(TZ, server_default=func.now())


class WorkshopLogRow(Base):
    """The product in/out log (客户商品进出登记簿)."""

    __tablename__ = "workshop_log"
    __table_args__ = (Index("ix_workshop_log_at", "at"),)

    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=True)
    job_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("jobs.id"), index=True)
    point_id: Mapped[uuid.UUID] = mapped_column(index=True)
    receipt_no: Mapped[str] = mapped_column(String(20))
    direction: Mapped[str] = mapped_column(String(3))  # in | out
    at: Mapped[datetime] = mapped_column(TZ)
    actor: Mapped[str] = mapped_column(String(200))


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


class SlaTimerRow(Base):
    """A clock the timer worker fires when it runs out (see ``dispatch.domain.sla``)."""

    __tablename__ = "sla_timers"
    __table_args__ = (
        Index("ix_sla_timers_pending_due_at", "due_at", postgresql_where=text("state = 'pending'")),
        Index("ix_sla_timers_job_id_kind", "job_id", "kind"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    job_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("jobs.id"))
    ticket_id: Mapped[uuid.UUID]
    kind: Mapped[str] = mapped_column(String(12))  # respond | accept | arrival
    due_at: Mapped[datetime] = mapped_column(TZ)
    # pending | paused | met | fired | cancelled
    state: Mapped[str] = mapped_column(String(10))
    settled_at: Mapped[datetime | None] = mapped_column(TZ)
    # While paused: since when. Resuming moves due_at on by the time paused.
    paused_at: Mapped[datetime | None] = mapped_column(TZ)


class PartRow(Base):
    """The parts master: what a SKU is, what it fits, and whether the defective part comes back."""

    __tablename__ = "parts"

    sku: Mapped[str] = mapped_column(String(40), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    categories: Mapped[list[str]] = mapped_column(ARRAY(String(60)))
    models: Mapped[list[str]] = mapped_column(ARRAY(String(100)), default=list)
    unit: Mapped[str] = mapped_column(String(20))
    standard_cost: Mapped[int | None] = mapped_column(BigInteger)
    return_required: Mapped[bool] = mapped_column(Boolean, default=False)
    return_within_days: Mapped[int] = mapped_column(Integer, default=30)
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(TZ, server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(TZ, server_default=func.now())


class WarehouseRow(Base):
    """A central warehouse. Every network point is a stock location too (by its id)."""

    __tablename__ = "warehouses"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    region: Mapped[str | None] = mapped_column(String(12))
    created_at: Mapped[datetime] = mapped_column(TZ, server_default=func.now())


class StockMovementRow(Base):
    """One movement of one SKU at one location (immutable: a trigger refuses changes)."""

    __tablename__ = "stock_movements"
    __table_args__ = (
        Index("ix_stock_movements_location_sku_at", "location_id", "sku", "at"),
        Index("ix_stock_movements_at_id", "at", "id"),
    )

    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=True)
    id: Mapped[uuid.UUID] = mapped_column(unique=True)
    location_id: Mapped[uuid.UUID]
    sku: Mapped[str] = mapped_column(ForeignKey("parts.sku"))
    kind: Mapped[str] = mapped_column(String(20))
    qty: Mapped[int] = mapped_column(Integer)  # signed: what came in or went out
    on_hand_after: Mapped[int] = mapped_column(Integer)
    shortfall_after: Mapped[int] = mapped_column(Integer, default=0)
    reference: Mapped[str | None] = mapped_column(String(200))
    reason: Mapped[str | None] = mapped_column(Text)
    job_id: Mapped[uuid.UUID | None]
    counterpart_id: Mapped[uuid.UUID | None]  # a transfer's other location
    actor: Mapped[str] = mapped_column(String(200))
    at: Mapped[datetime] = mapped_column(TZ)


class StockLevelRow(Base):
    """What a location holds of a SKU, kept with its movements in one transaction (and locked
    while one is written, so two issues of the last unit cannot both win)."""

    __tablename__ = "stock_levels"

    location_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    sku: Mapped[str] = mapped_column(ForeignKey("parts.sku"), primary_key=True)
    on_hand: Mapped[int] = mapped_column(Integer, default=0)
    reserved: Mapped[int] = mapped_column(Integer, default=0)
    in_transit: Mapped[int] = mapped_column(Integer, default=0)
    shortfall: Mapped[int] = mapped_column(Integer, default=0)
    reorder_level: Mapped[int | None] = mapped_column(Integer)
    version: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[datetime] = mapped_column(TZ, server_default=func.now())


class RequisitionRow(Base):
    """A point's request for parts (零件請購), with each line requested, approved, shipped and
    received."""

    __tablename__ = "requisitions"
    __table_args__ = (Index("ix_requisitions_point_status", "point_id", "status"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    point_id: Mapped[uuid.UUID]
    job_id: Mapped[uuid.UUID | None] = mapped_column(index=True)
    urgent: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[str] = mapped_column(String(12))
    lines: Mapped[list[dict[str, Any]]] = mapped_column(JSONB)
    from_location_id: Mapped[uuid.UUID | None]
    carrier: Mapped[str | None] = mapped_column(String(100))
    tracking_no: Mapped[str | None] = mapped_column(String(100))
    reason: Mapped[str | None] = mapped_column(Text)
    requested_by: Mapped[str] = mapped_column(String(200))
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(TZ)
    updated_at: Mapped[datetime] = mapped_column(TZ)


class PartReturnRow(Base):
    """A defective part that must come back (旧件返还): a part the SKU says is returned, replaced
    on a class B or C job."""

    __tablename__ = "part_returns"
    __table_args__ = (
        UniqueConstraint("job_id", "sku"),
        Index("ix_part_returns_point_status", "point_id", "status"),
        Index(
            "ix_part_returns_overdue_watch",
            "due_at",
            postgresql_where=text("status <> 'received' AND overdue_at IS NULL"),
        ),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    job_id: Mapped[uuid.UUID]
    ticket_id: Mapped[uuid.UUID]
    point_id: Mapped[uuid.UUID]
    sku: Mapped[str] = mapped_column(String(40))
    qty: Mapped[int] = mapped_column(Integer)
    service_class: Mapped[str] = mapped_column(String(1))
    status: Mapped[str] = mapped_column(String(10))  # due | shipped | received
    due_at: Mapped[datetime] = mapped_column(TZ)
    carrier: Mapped[str | None] = mapped_column(String(100))
    tracking_no: Mapped[str | None] = mapped_column(String(100))
    shipped_at: Mapped[datetime | None] = mapped_column(TZ)
    received_at: Mapped[datetime | None] = mapped_column(TZ)
    condition: Mapped[str | None] = mapped_column(String(20))
    overdue_at: Mapped[datetime | None] = mapped_column(TZ)
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(TZ)


class PartsOrderRow(Base):
    """A customer's paid parts order, from intake's and billing's events (whichever comes
    first creates the row; the other fills it in), shipped from a warehouse."""

    __tablename__ = "parts_orders"
    __table_args__ = (
        Index("ix_parts_orders_status_ship_by", "status", "ship_by"),
        Index(
            "ix_parts_orders_ship_watch",
            "ship_by",
            postgresql_where=text("status = 'paid' AND overdue_at IS NULL"),
        ),
    )

    ticket_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    number: Mapped[str | None] = mapped_column(String(20))
    charge_id: Mapped[uuid.UUID | None]
    lines: Mapped[list[dict[str, Any]]] = mapped_column(JSONB)
    customer: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
    ship_to: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
    tenant_id: Mapped[str | None] = mapped_column(String(64))
    # awaiting_payment | paid | shipped | delivered | cancelled
    status: Mapped[str] = mapped_column(String(20))
    paid_at: Mapped[datetime | None] = mapped_column(TZ)
    ship_by: Mapped[datetime | None] = mapped_column(TZ)
    from_location_id: Mapped[uuid.UUID | None]
    carrier: Mapped[str | None] = mapped_column(String(100))
    tracking_no: Mapped[str | None] = mapped_column(String(100))
    shipped_at: Mapped[datetime | None] = mapped_column(TZ)
    delivered_at: Mapped[datetime | None] = mapped_column(TZ)
    overdue_at: Mapped[datetime | None] = mapped_column(TZ)
    cancelled_at: Mapped[datetime | None] = mapped_column(TZ)
    version: Mapped[int]
    created_at: Mapped[datetime] = mapped_column(TZ)
