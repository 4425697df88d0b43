"""Events published by intake on the INTAKE stream."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import ClassVar, Literal

from aftersales.events.base import Contract, EventData, Money, Window

TicketKind = Literal[
    "install", "repair", "relocation", "maintenance", "consultation", "training", "complaint"
]
Channel = Literal["hotline", "crm", "app", "partner", "letter", "walk_in"]


class CustomerFacts(Contract):
    id: uuid.UUID
    name: str
    phone: str
    region: str
    city: str
    line: str


class ProductFacts(Contract):
    id: uuid.UUID
    category: str
    model: str
    serial_no: str
    purchased_on: date
    warranty_until: date
    in_warranty: bool
    contract_no: str | None = None


class TicketCreated(EventData):
    SUBJECT: ClassVar[str] = "intake.ticket.created.v1"
    AGGREGATE: ClassVar[str] = "ticket"

    ticket_id: uuid.UUID
    number: str
    kind: TicketKind
    channel: Channel
    description: str
    customer: CustomerFacts
    product: ProductFacts
    preferred_window: Window | None = None
    respond_by: datetime
    needs_visit: bool
    created_at: datetime
    # The CRM tenant whose customer this is (None for the information centre's own), so other
    # services can confine a crm caller to its own tickets. Optional: added before release.
    tenant_id: str | None = None


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


class TicketClosed(EventData):
    SUBJECT: ClassVar[str] = "intake.ticket.closed.v1"
    AGGREGATE: ClassVar[str] = "ticket"

    ticket_id: uuid.UUID
    reason: str
    closed_at: datetime


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
    remedy: Literal["repair", "replace", "refund"]
    reason: str
    product_id: uuid.UUID
    replacement_product_id: uuid.UUID | None = None
    refund: Money | None = None
    decided_at: datetime


class CustomerErased(EventData):
    """A customer asked to be forgotten: every service replaces the customer's name, phone,
    address and signatures with tombstones wherever it keeps them."""

    SUBJECT: ClassVar[str] = "intake.customer.erased.v1"
    AGGREGATE: ClassVar[str] = "customer"

    customer_id: uuid.UUID
    erased_at: datetime
