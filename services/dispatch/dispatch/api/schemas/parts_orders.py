"""Customers' parts orders at the warehouse."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field


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
    delivered_at: datetime | None
    version: int
