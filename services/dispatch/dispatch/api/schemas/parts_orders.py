"""Customers' parts orders at the warehouse."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Literal

from pydantic import AwareDatetime, BaseModel, Field

from aftersales.http.models import RequestModel


class OrderLineOut(BaseModel):
    sku: str
    qty: int


class PartsOrderOut(BaseModel):
    """A customer's paid parts order at the warehouse; ``id`` is its ticket's id."""

    id: uuid.UUID
    number: str | None = Field(description="the ticket's number")
    status: Literal["awaiting_payment", "paid", "shipped", "delivered", "cancelled"]
    lines: list[OrderLineOut]
    customer: dict | None = Field(description="name and phone, for the carrier")
    ship_to: dict | None = Field(description="region, city, line")
    paid_at: datetime | None
    ship_by: datetime | None = Field(description="paid + DISPATCH_PARTS_ORDER_SHIP_WITHIN_HOURS")
    overdue: bool = Field(description="paid, not shipped, past ship_by")
    from_location_id: uuid.UUID | None
    carrier: str | None
    tracking_no: str | None
    shipped_at: datetime | None
    promised_by: date | None = Field(
        default=None,
        description="the arrival date promised at shipping, by the distance from the warehouse"
        " to the address (delivery bands); each calendar day later is compensated",
    )
    promise_days: int | None = Field(default=None, description="the days the band gives")
    promise_basis: str | None = Field(
        default=None, description="which band gave them (a pair, a shared prefix, the default)"
    )
    delivered_at: datetime | None
    days_late: int | None = Field(
        default=None, description="calendar days delivered past promised_by (0: on time)"
    )
    version: int


class DeliveredIn(RequestModel):
    at: AwareDatetime | None = Field(
        default=None,
        description="when the carrier delivered (its proof of delivery); now if left out",
    )
