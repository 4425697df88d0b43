"""Request and response models of intake's HTTP API (separate from the tables)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, EmailStr, Field, StrictInt

from aftersales.events.intake import ClosureReason, PauseReason
from aftersales.http.models import RequestModel as Request
from intake.domain.tickets import Channel, TicketChannel, TicketKind, TicketStatus


class AddressIn(Request):
    region: str = Field(pattern=r"^\d{6}$", description="administrative region code, e.g. 310115")
    city: str = Field(min_length=1, max_length=100)
    line: str = Field(min_length=1, max_length=300)
    postal_code: str | None = Field(default=None, max_length=12)


class CustomerIn(Request):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "name": "王芳",
                    "phone": "13812345678",
                    "email": "wang.fang@example.com",
                    "address": {"region": "310115", "city": "上海", "line": "世纪大道88号"},
                    "external_ref": "CRM-000123",
                }
            ]
        }
    )

    name: str = Field(min_length=1, max_length=200)
    phone: str = Field(min_length=5, max_length=40)
    email: EmailStr | None = None
    address: AddressIn
    external_ref: str | None = Field(default=None, min_length=1, max_length=100)


class Address(BaseModel):
    region: str
    city: str
    line: str
    postal_code: str | None


class CustomerOut(BaseModel):
    id: uuid.UUID
    name: str
    phone: str
    email: str | None
    address: Address
    external_ref: str | None
    version: int
    created_at: datetime
    updated_at: datetime


class ProductIn(Request):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "category": "air_conditioner",
                    "model": "KFR-35GW",
                    "serial_no": "AC2026ABC123",
                    "purchased_on": "2026-06-18",
                    "warranty_months": 12,
                }
            ]
        }
    )

    category: str = Field(min_length=1, max_length=60, pattern=r"^[a-z0-9_\-]+$")
    model: str = Field(min_length=1, max_length=100)
    serial_no: str = Field(min_length=1, max_length=100)
    purchased_on: date
    warranty_months: int = Field(ge=0, le=120)
    contract_no: str | None = Field(default=None, min_length=1, max_length=60)
    purchase_price: MoneyIn | None = Field(
        default=None, description="what the customer paid for it: a refund may not exceed it"
    )
    sold_by: str | None = Field(
        default=None, min_length=1, max_length=200, description="the dealer or shop that sold it"
    )
    proof_ref: str | None = Field(
        default=None, min_length=1, max_length=100, description="the sale's invoice reference"
    )


class ProductOut(BaseModel):
    id: uuid.UUID
    customer_id: uuid.UUID
    category: str
    model: str
    serial_no: str
    purchased_on: date
    warranty_months: int
    warranty_until: date
    in_warranty: bool
    contract_no: str | None
    replaces_product_id: uuid.UUID | None = None
    installation_address: Address | None = Field(
        default=None, description="where the product is installed, when not at the owner's"
    )
    notes: str | None = None
    deregistered_at: datetime | None = Field(default=None, description="refunded (三包)")
    purchase_price: Money | None = None
    sold_by: str | None = None
    proof_ref: str | None = None
    version: int


class ProductPatch(Request):
    """Fields left out stay as they are; ``null`` clears one. The sale's facts (price, seller,
    proof) are the information centre's to set after registration (a CRM gives them when it
    registers the product)."""

    installation_address: AddressIn | None = Field(
        default=None, description="visits go here; null: back to the owner's address"
    )
    notes: str | None = Field(default=None, max_length=4000)
    purchase_price: MoneyIn | None = None
    sold_by: str | None = Field(default=None, min_length=1, max_length=200)
    proof_ref: str | None = Field(default=None, min_length=1, max_length=100)


class WindowIn(Request):
    start: datetime
    end: datetime


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
        default=None, description="required for every kind but parts_order"
    )
    kind: TicketKind
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


class PauseOut(BaseModel):
    reason: str
    note: str | None
    paused_by: str
    since: datetime


class WindowOut(BaseModel):
    start: datetime
    end: datetime


class Money(BaseModel):
    amount: int = Field(description="integer minor units (fen)")
    currency: str = "CNY"


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
    product_id: uuid.UUID | None = Field(description="None only for a parts order naming none")
    lines: list[OrderLineOut] | None = Field(default=None, description="a parts order's parts")
    shipping: Shipping | None = Field(default=None, description="a parts order's shipping")
    preferred_window: WindowOut | None
    sla: Sla
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


class CustomerPatch(Request):
    """Contact data; fields left out stay as they are."""

    name: str | None = Field(default=None, min_length=1, max_length=200)
    phone: str | None = Field(default=None, min_length=5, max_length=40)
    email: EmailStr | None = None
    address: AddressIn | None = None
    external_ref: str | None = Field(default=None, min_length=1, max_length=100)


class RespondIn(Request):
    summary: str = Field(min_length=1, max_length=4000, description="the answer given")
    resolved: bool = Field(description="true: the request is settled and the ticket ends")


class PauseIn(Request):
    reason: PauseReason
    note: str | None = Field(default=None, max_length=1000)


class CancelIn(Request):
    reason: str = Field(min_length=1, max_length=1000)


class ResolveRemotelyIn(Request):
    note: str = Field(min_length=1, max_length=4000)


class MoneyIn(Request):
    amount: StrictInt = Field(gt=0, le=100_000_000_00, description="integer minor units (fen)")
    currency: Literal["CNY"] = "CNY"


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


class CategoryOfferIO(Request):
    category: str = Field(min_length=1, max_length=60, pattern=r"^[a-z0-9_\-]+$")
    kinds: list[TicketKind] = Field(description="request kinds offered for this category")
    respond_within_hours: dict[TicketKind, int] = Field(
        default_factory=dict, description="per-kind response SLA; others use the default"
    )
    complete_within_hours: dict[TicketKind, int] = Field(
        default_factory=dict,
        description="per-kind hours to finish (e.g. training 744); others use the default",
    )


class ServiceCatalogueIO(Request):
    categories: list[CategoryOfferIO] = Field(
        max_length=500,
        description="categories without an entry are offered every kind (full service)",
    )


class ServiceCatalogueOut(BaseModel):
    categories: list[CategoryOfferIO]
    revision: int
    default_respond_within_hours: dict[str, float] = Field(
        description="the response SLA of kinds that a category entry does not set"
    )
    default_complete_within_hours: dict[str, float] = Field(
        description="hours to finish, per kind, where a category entry does not set them"
    )


class Timeline(BaseModel):
    ticket_id: uuid.UUID
    entries: list[TimelineEntry]
