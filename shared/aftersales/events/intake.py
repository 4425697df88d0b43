"""Events published by intake on the INTAKE stream."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import ClassVar, Literal

from aftersales.events.base import Contract, EventData, Money, Open, PartsLine, Window

TicketKind = Open[
    Literal[
        "install",
        "repair",
        "relocation",
        "maintenance",
        "consultation",
        "training",
        "complaint",
        "sample_test",
        # A business customer's duties (clauses 12-14): no visit, no product needed.
        "dealer_onboarding",
        "promotion_support",
        "usage_guidance",
    ]
]
Channel = Open[Literal["hotline", "crm", "app", "partner", "letter", "walk_in", "contract"]]
ClosureReason = Open[
    Literal[
        "satisfied",
        "unreachable",
        "refunded",
        "replaced",
        "resolved_remotely",
        "cancelled",
        "delivered",
    ]
]
# ``awaiting_sample``: a sample test opens paused until the customer's sample arrives (its 24 h
# run from the arrival, clause 10).
PauseReason = Open[Literal["awaiting_customer", "awaiting_parts", "awaiting_sample", "other"]]
RespondClock = Open[Literal["dispatch", "feedback", "intake"]]
PauseOrigin = Open[Literal["ticket", "job"]]
Remedy = Open[Literal["repair", "replace", "refund"]]


class CustomerFacts(Contract):
    id: uuid.UUID
    name: str
    phone: str
    region: str
    city: str
    line: str
    # consumer (default), dealer (代理) or direct (an industrial or fleet customer).
    type: Open[Literal["consumer", "dealer", "direct"]] | None = None


class ProductFacts(Contract):
    id: uuid.UUID
    category: str
    model: str
    serial_no: str
    purchased_on: date
    warranty_until: date
    in_warranty: bool
    contract_no: str | None = None


class TicketStatusChanged(EventData):
    """Every change of a ticket's status, for integrators that mirror it (CRM webhooks)."""

    SUBJECT: ClassVar[str] = "intake.ticket.status_changed.v1"
    AGGREGATE: ClassVar[str] = "ticket"

    ticket_id: uuid.UUID
    number: str
    status: str
    previous_status: str
    reason: str
    changed_at: datetime


class TicketReopened(EventData):
    SUBJECT: ClassVar[str] = "intake.ticket.reopened.v1"
    AGGREGATE: ClassVar[str] = "ticket"

    ticket_id: uuid.UUID
    reason: str
    callback_id: uuid.UUID | None = None
    previous_job_id: uuid.UUID | None = None
    previous_point_id: uuid.UUID | None = None
    reopen_count: int
    reopened_at: datetime


class TicketCancelled(EventData):
    SUBJECT: ClassVar[str] = "intake.ticket.cancelled.v1"
    AGGREGATE: ClassVar[str] = "ticket"

    ticket_id: uuid.UUID
    reason: str
    cancelled_at: datetime


class TicketResolvedRemotely(EventData):
    SUBJECT: ClassVar[str] = "intake.ticket.resolved_remotely.v1"
    AGGREGATE: ClassVar[str] = "ticket"

    ticket_id: uuid.UUID
    note: str
    resolved_at: datetime


class TicketRemedyDecided(EventData):
    SUBJECT: ClassVar[str] = "intake.ticket.remedy_decided.v1"
    AGGREGATE: ClassVar[str] = "ticket"

    ticket_id: uuid.UUID
    remedy: Remedy
    reason: str
    product_id: uuid.UUID
    replacement_product_id: uuid.UUID | None = None
    refund: Money | None = None
    # What the product was sold for, as recorded (none: unknown, so finance approves a refund).
    purchase_price: Money | None = None
    proof_ref: str | None = None
    decided_at: datetime


class CustomerErased(EventData):
    """A customer asked to be forgotten: every service replaces the customer's name, phone,
    address and signatures with tombstones wherever it keeps them."""

    SUBJECT: ClassVar[str] = "intake.customer.erased.v1"
    AGGREGATE: ClassVar[str] = "customer"

    customer_id: uuid.UUID
    erased_at: datetime
    # The customer's tickets, for copies kept by ticket that do not name the customer.
    ticket_ids: list[uuid.UUID] = []


class Site(Contract):
    """Where a visit goes: the product's installation address, else the owner's."""

    region: str
    city: str
    line: str


class TicketCreated(EventData):
    """A request was registered: who, which product, where the visit goes (``site``: the
    product's installation address when it has one), which clock answers it, and the deadline
    to finish it. ``tenant_id`` is the CRM tenant whose customer this is (None for the
    information centre's own), so other services can confine a crm caller to its tickets."""

    SUBJECT: ClassVar[str] = "intake.ticket.created.v2"
    AGGREGATE: ClassVar[str] = "ticket"

    ticket_id: uuid.UUID
    number: str
    kind: TicketKind
    channel: Channel
    description: str
    customer: CustomerFacts
    # None for a kind that needs no product (sales training, a sample without a registered
    # product): ``category`` then names what the request is about.
    product: ProductFacts | None = None
    site: Site
    preferred_window: Window | None = None
    # Whether ``preferred_window`` is a slot agreed with the customer (a later agreement is
    # ``intake.ticket.window_agreed.v1``).
    window_agreed: bool | None = None
    respond_by: datetime
    respond_clock: RespondClock
    complete_by: datetime | None = None
    needs_visit: bool
    created_at: datetime
    tenant_id: str | None = None
    # The product category dispatch routes by: the product's, or the one the ticket names.
    category: str | None = None
    # What a training (or a sample test) is about, in the caller's words.
    topic: str | None = None


class TicketClosed(EventData):
    """Every way a ticket ends, with its ``closure_reason``."""

    SUBJECT: ClassVar[str] = "intake.ticket.closed.v2"
    AGGREGATE: ClassVar[str] = "ticket"

    ticket_id: uuid.UUID
    number: str
    closure_reason: ClosureReason
    note: str
    closed_at: datetime


class TicketResponded(EventData):
    """The information centre answered a ticket that needs no visit."""

    SUBJECT: ClassVar[str] = "intake.ticket.responded.v1"
    AGGREGATE: ClassVar[str] = "ticket"

    ticket_id: uuid.UUID
    summary: str
    resolved: bool
    responded_at: datetime
    in_time: bool
    # The ticket's kind: a resolved answer to a ``sample_test`` is the sample's result, which
    # the customer is told.
    kind: str | None = None


class TicketResponseBreached(EventData):
    SUBJECT: ClassVar[str] = "intake.ticket.response_breached.v1"
    AGGREGATE: ClassVar[str] = "ticket"

    ticket_id: uuid.UUID
    due_at: datetime
    breached_at: datetime


class TicketCompletionBreached(EventData):
    SUBJECT: ClassVar[str] = "intake.ticket.completion_breached.v1"
    AGGREGATE: ClassVar[str] = "ticket"

    ticket_id: uuid.UUID
    kind: str
    due_at: datetime
    breached_at: datetime


class TicketPaused(EventData):
    """Every clock of the ticket stops: intake's, and dispatch's for its jobs."""

    SUBJECT: ClassVar[str] = "intake.ticket.paused.v1"
    AGGREGATE: ClassVar[str] = "ticket"

    ticket_id: uuid.UUID
    reason: PauseReason
    note: str | None = None
    paused_by: str
    paused_at: datetime
    # "job": the pause came from the job (dispatch paused its clocks already).
    origin: PauseOrigin = "ticket"


class TicketResumed(EventData):
    SUBJECT: ClassVar[str] = "intake.ticket.resumed.v1"
    AGGREGATE: ClassVar[str] = "ticket"

    ticket_id: uuid.UUID
    paused_at: datetime
    resumed_at: datetime
    paused_seconds: int
    resumed_by: str
    origin: PauseOrigin = "ticket"


class Address(Contract):
    region: str
    city: str
    line: str
    postal_code: str | None = None


class ProductRegistered(EventData):
    """A service voucher, for the services that keep their own projection of products."""

    SUBJECT: ClassVar[str] = "intake.product.registered.v1"
    AGGREGATE: ClassVar[str] = "product"

    product_id: uuid.UUID
    customer_id: uuid.UUID
    category: str
    model: str
    serial_no: str
    purchased_on: date
    warranty_until: date
    contract_no: str | None = None
    installation: Address | None = None
    tenant_id: str | None = None
    registered_at: datetime


class ProductUpdated(EventData):
    """The product as it is now: a new owner, an installation address, deregistration."""

    SUBJECT: ClassVar[str] = "intake.product.updated.v1"
    AGGREGATE: ClassVar[str] = "product"

    product_id: uuid.UUID
    customer_id: uuid.UUID
    category: str
    model: str
    serial_no: str
    purchased_on: date
    warranty_until: date
    contract_no: str | None = None
    installation: Address | None = None
    deregistered: bool = False
    tenant_id: str | None = None
    changes: list[str]
    updated_at: datetime


class TicketCallbackRequested(EventData):
    """The centre calls back every request until the customer is satisfied (docs/domain.md):
    feedback makes a callback with no job. ``reason`` says why:

    - ``resolved_remotely``: solved on the phone; satisfied closes the ticket, any other outcome
      reopens it for a first visit;
    - ``complaint_resolved``: a complaint ticket's complaint (``complaint_id``) was resolved;
      satisfied closes the ticket (``satisfied``), any other outcome leaves it open and feedback
      reopens the complaint;
    - ``refunded``, ``replaced``: the 三包 remedy ended the ticket; the outcome is recorded on
      it, and never reopens it or sends a visit."""

    SUBJECT: ClassVar[str] = "intake.ticket.callback_requested.v1"
    AGGREGATE: ClassVar[str] = "ticket"

    ticket_id: uuid.UUID
    number: str
    kind: str
    reason: Open[Literal["resolved_remotely", "complaint_resolved", "refunded", "replaced"]] = (
        "resolved_remotely"
    )
    requested_at: datetime
    # The complaint a satisfaction callback follows (reason ``complaint_resolved``).
    complaint_id: uuid.UUID | None = None


OrderLine = PartsLine


class TicketWindowAgreed(EventData):
    """An agent (or a CRM) agreed the visit's slot with the customer: dispatch books within it,
    and only a reschedule the customer asked for moves it."""

    SUBJECT: ClassVar[str] = "intake.ticket.window_agreed.v1"
    AGGREGATE: ClassVar[str] = "ticket"

    ticket_id: uuid.UUID
    number: str
    window: Window
    agreed_by: str
    agreed_at: datetime


class WebhookDisabled(EventData):
    """A webhook subscription was switched off (failing for too long, or its receiver said 410):
    told to its owner through the owner's other subscriptions."""

    SUBJECT: ClassVar[str] = "intake.webhook.disabled.v1"
    AGGREGATE: ClassVar[str] = "webhook"

    subscription_id: uuid.UUID
    url: str
    reason: str
    failing_since: datetime | None = None
    tenant_id: str | None = None
    point_id: uuid.UUID | None = None
    technician_id: uuid.UUID | None = None
    disabled_at: datetime


class PartsOrderPlaced(EventData):
    """A customer ordered parts (a ticket of kind ``parts_order``): billing prices it at once,
    dispatch ships it from a warehouse once it is paid. Announced by this event rather than
    ``intake.ticket.created``: an order is not a request for a visit or an answer."""

    SUBJECT: ClassVar[str] = "intake.parts_order.placed.v1"
    AGGREGATE: ClassVar[str] = "ticket"

    ticket_id: uuid.UUID
    number: str
    channel: Channel
    description: str
    customer: CustomerFacts
    ship_to: Site
    lines: list[OrderLine]
    product_id: uuid.UUID | None = None
    created_at: datetime
    tenant_id: str | None = None
