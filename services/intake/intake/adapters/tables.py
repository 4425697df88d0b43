"""intake's tables (schema ``intake``)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Date,
    DateTime,
    ForeignKey,
    Identity,
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
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from aftersales.database import make_metadata
from intake.adapters.board_sql import TICKET_OPEN_SQL, TicketBoard

metadata = make_metadata("intake")
ticket_number_seq = Sequence("ticket_number_seq", metadata=metadata, start=1)


class Base(DeclarativeBase):
    metadata = metadata
    type_annotation_map = {dict: JSONB}


class CustomerRow(Base):
    __tablename__ = "customers"
    __table_args__ = (
        # Names found by a part of them (intake.adapters.search; migration 0019).
        Index(
            "ix_customers_name_bigrams",
            text("intake.name_bigrams(lower(name))"),
            postgresql_using="gin",
            postgresql_where=text("erased_at IS NULL"),
        ),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    phone: Mapped[str] = mapped_column(String(40))
    phone_normalized: Mapped[str] = mapped_column(String(24), index=True)
    email: Mapped[str | None] = mapped_column(String(254))
    region: Mapped[str] = mapped_column(String(12))
    city: Mapped[str] = mapped_column(String(100))
    line: Mapped[str] = mapped_column(String(300))
    postal_code: Mapped[str | None] = mapped_column(String(12))
    external_ref: Mapped[str | None] = mapped_column(String(100), index=True)
    tenant_id: Mapped[str | None] = mapped_column(String(64), index=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    # Erased at the customer's request: personal fields hold tombstones from then on.
    erased_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # consumer, dealer or direct (intake.domain.business; migration 0018).
    type: Mapped[str] = mapped_column(String(10), default="consumer", server_default="consumer")


class ProductRow(Base):
    __tablename__ = "products"
    __table_args__ = (UniqueConstraint("category", "model", "serial_no"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    customer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("intake.customers.id"), index=True)
    category: Mapped[str] = mapped_column(String(60))
    model: Mapped[str] = mapped_column(String(100))
    serial_no: Mapped[str] = mapped_column(String(100))
    purchased_on: Mapped[date] = mapped_column(Date)
    warranty_months: Mapped[int] = mapped_column(Integer)
    warranty_until: Mapped[date] = mapped_column(Date)
    contract_no: Mapped[str | None] = mapped_column(String(60))
    replaces_product_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("intake.products.id"))
    # Where the product is installed, when not at the owner's address: visits go here.
    install_region: Mapped[str | None] = mapped_column(String(12))
    install_city: Mapped[str | None] = mapped_column(String(100))
    install_line: Mapped[str | None] = mapped_column(String(300))
    install_postal_code: Mapped[str | None] = mapped_column(String(12))
    notes: Mapped[str | None] = mapped_column(Text)
    # Refunded (三包): no longer the customer's; kept for its history.
    deregistered_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # The sale: what it was sold for (a refund may not exceed it), by whom, and its invoice.
    purchase_price: Mapped[int | None] = mapped_column(BigInteger)
    purchase_currency: Mapped[str | None] = mapped_column(String(3))
    sold_by: Mapped[str | None] = mapped_column(String(200))
    proof_ref: Mapped[str | None] = mapped_column(String(100))
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class TicketRow(TicketBoard, Base):
    __tablename__ = "tickets"
    __table_args__ = (
        Index("ix_tickets_board_due", "board_due", "id", postgresql_where=text(TICKET_OPEN_SQL)),
        Index("ix_tickets_updated_at_id", "updated_at", "id"),
        Index("ix_tickets_sync_xid_id", "sync_xid", "id"),
        # The board's filters (migration 0019): a region by its prefix, a point.
        Index("ix_tickets_region", "region", postgresql_ops={"region": "varchar_pattern_ops"}),
        Index("ix_tickets_point_id", "point_id"),
        Index(
            "ix_tickets_respond_due",
            "respond_by",
            postgresql_where=text(
                "respond_clock IN ('intake', 'billing') AND responded_at IS NULL"
                " AND response_breached_at IS NULL"
            ),
        ),
        Index(
            "ix_tickets_complete_due",
            "complete_by",
            postgresql_where=text("complete_by IS NOT NULL AND completion_breached_at IS NULL"),
        ),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(20), unique=True)
    customer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("intake.customers.id"), index=True)
    # None for a parts order that names no product, and a training or sample test without one.
    product_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("intake.products.id"))
    kind: Mapped[str] = mapped_column(String(20))
    # The region code of the site as the ticket was opened (``site_of``; migration 0019).
    region: Mapped[str] = mapped_column(String(12))
    # The product category the request is about (the product's, or the one a ticket without a
    # product names; None on tickets opened before migration 0016), and its topic.
    category: Mapped[str | None] = mapped_column(String(60))
    topic: Mapped[str | None] = mapped_column(String(500))
    # A parts order's lines [{sku, qty}], and its shipping as dispatch reports it.
    lines: Mapped[list[dict[str, Any]] | None] = mapped_column(JSONB)
    parts_order: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
    channel: Mapped[str] = mapped_column(String(20))
    description: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20), index=True)
    preferred_start: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    preferred_end: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    respond_by: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    # Which clock watches the answer (intake.domain.clocks): dispatch | feedback | intake |
    # billing.
    respond_clock: Mapped[str] = mapped_column(String(10), default="dispatch")
    responded_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    response_summary: Mapped[str | None] = mapped_column(Text)
    response_breached_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    complete_by: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    completion_breached_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    paused_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    pause_reason: Mapped[str | None] = mapped_column(String(20))
    pause_note: Mapped[str | None] = mapped_column(Text)
    paused_by: Mapped[str | None] = mapped_column(String(120))
    paused_seconds: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    closure_reason: Mapped[str | None] = mapped_column(String(20))
    # A sample test's sample: when it arrived (its clocks run from then) and its reference.
    sample_received_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    sample_reference: Mapped[str | None] = mapped_column(String(100))
    # A business customer's duty: its checklist [{item, label, done_at, done_by, note}], and when
    # its last item was ticked (the work finished).
    checklist: Mapped[list[dict[str, Any]] | None] = mapped_column(JSONB)
    checklist_done_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # The last callback intake asked feedback for (resolved_remotely, complaint_resolved,
    # refunded, replaced), and the moment it answers (a complaint's resolution: one resolution
    # asks once).
    callback_reason: Mapped[str | None] = mapped_column(String(20))
    callback_requested_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    complaint_id: Mapped[uuid.UUID | None]
    tenant_id: Mapped[str | None] = mapped_column(String(64), index=True)
    # What the other services reported (the status projection).
    current_job_id: Mapped[uuid.UUID | None]
    point_id: Mapped[uuid.UUID | None]
    technician_id: Mapped[uuid.UUID | None]
    appointment_start: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    appointment_end: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    charge_id: Mapped[uuid.UUID | None]
    charge_class: Mapped[str | None] = mapped_column(String(1))
    charge_total: Mapped[int | None] = mapped_column(BigInteger)
    charge_currency: Mapped[str | None] = mapped_column(String(3))
    charge_status: Mapped[str | None] = mapped_column(String(20))
    callback_outcome: Mapped[str | None] = mapped_column(String(30))
    callback_score: Mapped[int | None]
    reopen_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    # The transaction that last wrote the row, set by a trigger (migration 0013): the order of
    # the sync cursor (`?since=`, aftersales.http.pagination.sync_page). Never set it here.
    sync_xid: Mapped[int] = mapped_column(BigInteger, server_default=text("0"))


class TicketJobRow(Base):
    """Each job dispatch made for a ticket, with the newest job version applied."""

    __tablename__ = "ticket_jobs"

    job_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    ticket_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("intake.tickets.id"), index=True)
    status: Mapped[str] = mapped_column(String(20))
    version: Mapped[int]  # 0: not heard of from dispatch yet (only its callback)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    # A callback that overtook every event of its job (streams are consumed independently):
    # kept here and applied when the job becomes the ticket's current one.
    pending_callback: Mapped[dict | None] = mapped_column(JSONB)
    # What the technician found (dispatch.job.completed.v2), and whether the callback said the
    # job did not fix it: "two failed repairs of the same fault" counts these (三包).
    cause_code: Mapped[str | None] = mapped_column(String(40))
    failed: Mapped[bool] = mapped_column(default=False, server_default="false")


class TimelineRow(Base):
    """Every event that touched a ticket, in order (``GET /v1/tickets/{id}/timeline``)."""

    __tablename__ = "ticket_timeline"

    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=True)
    # No foreign key: the log is written beside its ticket, which is never deleted, and the
    # key's check cost a statement per row (migration 0014).
    ticket_id: Mapped[uuid.UUID] = mapped_column(index=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    event: Mapped[str] = mapped_column(String(80))
    summary: Mapped[str] = mapped_column(Text)
    # The summary as anyone but the centre's staff reads it, where it differs (a routing reason).
    public_summary: Mapped[str | None] = mapped_column(Text)
    data: Mapped[dict] = mapped_column(default=dict)
    actor: Mapped[str] = mapped_column(String(120), default="system", server_default="system")


class ServiceCategoryRow(Base):
    """Which request kinds a product category is offered, and their response SLA."""

    __tablename__ = "service_catalogue"

    category: Mapped[str] = mapped_column(String(60), primary_key=True)
    kinds: Mapped[list[str]] = mapped_column(JSONB)
    respond_within_hours: Mapped[dict] = mapped_column(default=dict)
    complete_within_hours: Mapped[dict] = mapped_column(default=dict, server_default="{}")
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class CatalogueRevisionRow(Base):
    """One row: the catalogue's version, for ETag/If-Match on the whole catalogue."""

    __tablename__ = "service_catalogue_revision"

    id: Mapped[int] = mapped_column(primary_key=True)
    revision: Mapped[int] = mapped_column(Integer, default=0)


class WebhookSubscriptionRow(Base):
    __tablename__ = "webhook_subscriptions"
    __table_args__ = (Index("ix_webhook_subscriptions_owner", "owner_role", "owner_scope"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    tenant_id: Mapped[str | None] = mapped_column(String(64), index=True)
    # Whose it is (aftersales.intake.domain.audience): "staff" sees every event; crm, point,
    # technician and app see what their token's scope (owner_scope) admits.
    owner_role: Mapped[str] = mapped_column(String(20), server_default="staff")
    owner_scope: Mapped[str | None] = mapped_column(String(64))
    url: Mapped[str] = mapped_column(String(2000))
    events: Mapped[list[str]] = mapped_column(JSONB)
    description: Mapped[str | None] = mapped_column(String(500))
    # Sealed at rest (aftersales.sealed): "enc:v1:" and a Fernet token.
    secret: Mapped[str] = mapped_column(Text)
    previous_secret: Mapped[str | None] = mapped_column(Text)
    previous_secret_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    active: Mapped[bool] = mapped_column(default=True)
    # Events from before this moment are not delivered (created, or enabled again, then).
    active_since: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now()
    )
    disabled_reason: Mapped[str | None] = mapped_column(Text)
    # The first failed attempt since the receiver last accepted one (null: not failing); a
    # subscription failing for INTAKE_WEBHOOK_DISABLE_AFTER is switched off.
    failing_since: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class WebhookDeliveryRow(Base):
    """The durable delivery queue: one row per (subscription, event), retried on a schedule."""

    __tablename__ = "webhook_deliveries"
    __table_args__ = (
        UniqueConstraint("subscription_id", "event_id"),
        Index(
            "ix_webhook_deliveries_due", "next_attempt_at", postgresql_where="status = 'pending'"
        ),
        # A delivery waits for the earlier pending ones of its subscription and aggregate.
        Index(
            "ix_webhook_deliveries_lane",
            "subscription_id",
            "aggregate_id",
            "seq",
            postgresql_where="status = 'pending'",
        ),
        # The first due delivery of each subscription (one lane per subscription).
        Index(
            "ix_webhook_deliveries_subscription_due",
            "subscription_id",
            "next_attempt_at",
            postgresql_where="status = 'pending'",
        ),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    subscription_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("intake.webhook_subscriptions.id"), index=True
    )
    event_id: Mapped[uuid.UUID]
    aggregate_id: Mapped[uuid.UUID | None]
    # The order deliveries were queued in: per aggregate, the order they are sent in.
    seq: Mapped[int] = mapped_column(BigInteger, Identity(always=False))
    event_type: Mapped[str] = mapped_column(String(120))
    payload: Mapped[bytes] = mapped_column(LargeBinary)
    status: Mapped[str] = mapped_column(String(20))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    last_status_code: Mapped[int | None]
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    delivered_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class NotificationTemplateRow(Base):
    """An admin's wording of one kind of customer message in one locale; without a row the
    built-in default (version 0) is used."""

    __tablename__ = "notification_templates"

    kind: Mapped[str] = mapped_column(String(30), primary_key=True)
    locale: Mapped[str] = mapped_column(String(10), primary_key=True)
    subject: Mapped[str] = mapped_column(Text)
    body: Mapped[str] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, default=1)
    updated_by: Mapped[str] = mapped_column(String(200))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class NotificationPreferenceRow(Base):
    """A customer's consent per channel and the language it is written to in."""

    __tablename__ = "notification_preferences"

    customer_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("intake.customers.id"), primary_key=True
    )
    email: Mapped[bool] = mapped_column(default=True)
    sms: Mapped[bool] = mapped_column(default=True)
    locale: Mapped[str] = mapped_column(String(10), default="zh-CN")
    version: Mapped[int] = mapped_column(Integer, default=1)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class NotificationRow(Base):
    """One message to one customer on one channel: the durable queue and its record."""

    __tablename__ = "notifications"
    __table_args__ = (
        UniqueConstraint("event_id", "channel"),
        Index("ix_notifications_due", "next_attempt_at", postgresql_where="status = 'pending'"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    event_id: Mapped[uuid.UUID]
    ticket_id: Mapped[uuid.UUID] = mapped_column(index=True)
    customer_id: Mapped[uuid.UUID] = mapped_column(index=True)
    kind: Mapped[str] = mapped_column(String(30))
    channel: Mapped[str] = mapped_column(String(10))
    locale: Mapped[str] = mapped_column(String(10))
    template_version: Mapped[int] = mapped_column(Integer)
    recipient: Mapped[str | None] = mapped_column(String(254))
    subject: Mapped[str] = mapped_column(Text)
    body: Mapped[str] = mapped_column(Text)
    facts: Mapped[dict[str, Any]] = mapped_column(JSONB, default=dict)
    urgent: Mapped[bool] = mapped_column(default=False)
    # Sent at once although in the quiet hours: once per ticket per night at most.
    broke_quiet_hours: Mapped[bool] = mapped_column(default=False, server_default=text("false"))
    # pending (held_until set while it waits out the quiet hours), sent, failed, skipped
    status: Mapped[str] = mapped_column(String(20))
    held_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    sent_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
