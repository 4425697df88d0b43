"""Tickets: opening one, how it is shown, its timeline, and the commands on it."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from aftersales.events.intake import ClosureReason
from aftersales.http.models import RequestModel as Request
from intake.api.schemas.board import NextClockOut
from intake.api.schemas.common import Money, MoneyIn, WindowIn, WindowOut
from intake.api.schemas.customers import ProductOut
from intake.domain.clocks import PauseReason
from intake.domain.tickets import Channel, TicketChannel, TicketKind, TicketStatus


class OrderLineIn(Request):
    sku: str = Field(min_length=1, max_length=40)
    qty: int = Field(ge=1, le=1000)


class TicketIn(Request):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "customer_id": "0b8f7c52-6a1e-4c3d-9f10-2a4b5c6d7e8f",
                    "product_id": "5d2e8a10-3b4c-4d5e-8f60-718293a4b5c6",
                    "kind": "repair",
                    "description": "The unit does not cool; the outdoor fan does not turn.",
                    "channel": "crm",
                    "preferred_window": {
                        "start": "2026-12-04T09:00:00+08:00",
                        "end": "2026-12-04T12:00:00+08:00",
                    },
                }
            ]
        }
    )

    customer_id: uuid.UUID
    product_id: uuid.UUID | None = Field(
        default=None,
        description="required for every kind but parts_order, training, sample_test and a "
        "business customer's duties (dealer_onboarding, promotion_support, usage_guidance)",
    )
    kind: TicketKind
    category: str | None = Field(
        default=None,
        min_length=1,
        max_length=60,
        pattern=r"^[a-z0-9_\-]+$",
        description="without a product (a sales training, a sample): the product category "
        "it is about, offered the kind by the service catalogue; dispatch routes by it",
    )
    topic: str | None = Field(
        default=None,
        min_length=1,
        max_length=500,
        description="what a training or a sample test is about (required without a product)",
    )
    description: str = Field(min_length=1, max_length=4000)
    channel: Channel
    preferred_window: WindowIn | None = None
    lines: list[OrderLineIn] | None = Field(
        default=None, max_length=50, description="a parts_order's parts (required for it only)"
    )


class Sla(BaseModel):
    respond_by: datetime = Field(description="the answer due (moved on by any pause)")
    respond_clock: Literal["dispatch", "feedback", "intake", "billing"] = Field(
        description="who answers: dispatch by booking the visit, feedback by the complaint's "
        "reply, intake by POST /v1/tickets/{id}/respond, billing by pricing a parts order"
    )
    responded_at: datetime | None = Field(description="intake's clock: when it was answered")
    response_breached_at: datetime | None
    complete_by: datetime | None = Field(description="the deadline to finish, if the kind has one")
    completion_breached_at: datetime | None
    paused_seconds: int = Field(description="time paused so far, excluded from every clock")


class SampleOut(BaseModel):
    received_at: datetime
    reference: str


class PauseOut(BaseModel):
    reason: str
    note: str | None
    paused_by: str
    since: datetime


class Assignment(BaseModel):
    job_id: uuid.UUID
    point_id: uuid.UUID | None
    technician_id: uuid.UUID | None
    appointment: WindowOut | None


class ChargeSummary(BaseModel):
    id: uuid.UUID
    service_class: str | None
    total: Money | None
    status: str | None


class CallbackSummary(BaseModel):
    outcome: str
    score: int | None


class ChecklistItemOut(BaseModel):
    item: str
    label: str
    done_at: datetime | None = Field(description="when it was ticked; null: still open")
    done_by: str | None = Field(description="who ticked it (role:subject)")
    note: str | None


class ChecklistTickIn(Request):
    note: str | None = Field(
        default=None, max_length=1000, description="what was done (a waybill, a date)"
    )


class OrderLineOut(BaseModel):
    sku: str
    qty: int


class Shipping(BaseModel):
    """A parts order at the warehouse, as dispatch reports it."""

    paid_at: datetime | None = None
    ship_by: datetime | None = Field(default=None, description="paid + the shipping deadline")
    shipped_at: datetime | None = None
    from_location_id: uuid.UUID | None = None
    carrier: str | None = None
    tracking_no: str | None = None
    shipped_on_time: bool | None = None
    promised_by: date | None = Field(
        default=None, description="the arrival date promised to the customer"
    )
    ship_breached_at: datetime | None = Field(
        default=None, description="set when the deadline passed unshipped: tell the customer"
    )
    delivered_at: datetime | None = None


class TicketOut(BaseModel):
    id: uuid.UUID
    number: str
    status: TicketStatus
    kind: TicketKind
    channel: TicketChannel
    description: str
    customer_id: uuid.UUID
    product_id: uuid.UUID | None = Field(
        description="None for a parts order, training or sample test naming none"
    )
    category: str | None = Field(
        default=None, description="the product category it is about (tickets since 0016)"
    )
    topic: str | None = None
    lines: list[OrderLineOut] | None = Field(default=None, description="a parts order's parts")
    shipping: Shipping | None = Field(default=None, description="a parts order's shipping")
    preferred_window: WindowOut | None = Field(description="a visit's slot")
    window_agreed: bool | None = Field(
        default=None,
        description="a visit ticket: whether its slot is agreed with the customer (false: "
        "call them, then PUT /v1/tickets/{id}/window); null for a ticket with no visit",
    )
    sample: SampleOut | None = Field(default=None, description="a sample test's sample, arrived")
    checklist: list[ChecklistItemOut] | None = Field(
        default=None,
        description="a business customer's duty (dealer_onboarding, promotion_support, "
        "usage_guidance): its items, ticked with POST /v1/tickets/{id}/checklist/{item}",
    )
    checklist_done_at: datetime | None = Field(
        default=None, description="when its last item was ticked: the work finished"
    )
    sla: Sla
    region: str = Field(description="the region code of the site (the visit's address)")
    next_clock: NextClockOut | None = Field(
        default=None,
        description="the clock that matters next (answer, arrival, completion); null when "
        "paused, once the work is done, or when none runs",
    )
    assignment: Assignment | None
    charge: ChargeSummary | None
    callback: CallbackSummary | None
    pause: PauseOut | None = Field(description="set while the ticket's clocks are paused")
    closure_reason: ClosureReason | None = Field(description="why an ended ticket ended")
    complaint_id: uuid.UUID | None = Field(description="the complaint a complaint ticket opened")
    reopen_count: int
    version: int
    created_at: datetime
    updated_at: datetime


class TimelineEntry(BaseModel):
    at: datetime
    event: str
    summary: str
    actor: str = Field(description="who or what caused it: a caller (role:subject) or a service")
    data: dict


class Timeline(BaseModel):
    ticket_id: uuid.UUID
    entries: list[TimelineEntry]


class RespondIn(Request):
    summary: str = Field(min_length=1, max_length=4000, description="the answer given")
    resolved: bool = Field(description="true: the request is settled and the ticket ends")


class PauseIn(Request):
    reason: PauseReason
    note: str | None = Field(default=None, max_length=1000)


class SampleReceivedIn(Request):
    received_at: AwareDatetime = Field(
        description="when the sample arrived; its clocks run from it"
    )
    reference: str = Field(min_length=1, max_length=100, description="the sample's label")


class CancelIn(Request):
    reason: str = Field(min_length=1, max_length=1000)


class ResolveRemotelyIn(Request):
    note: str = Field(min_length=1, max_length=4000)


class WarrantyRemedyIn(Request):
    remedy: Literal["repair", "replace", "refund"]
    reason: str = Field(min_length=1, max_length=1000)
    new_serial_no: str | None = Field(
        default=None, min_length=1, max_length=100, description="replace: the new unit's serial"
    )
    new_model: str | None = Field(default=None, min_length=1, max_length=100)
    refund: MoneyIn | None = Field(default=None, description="refund: the amount to pay back")


class WarrantyRemedyOut(BaseModel):
    ticket: TicketOut
    remedy: str
    replacement_product: ProductOut | None
