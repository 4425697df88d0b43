"""Parts requisitions and their steps (a shipment from a warehouse too)."""

from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import BaseModel, Field, StrictInt

from aftersales.http.models import RequestModel
from dispatch.api.schemas.common import SKU
from dispatch.api.schemas.stock import StockLineIn


class RequisitionIn(RequestModel):
    lines: list[StockLineIn] = Field(min_length=1, max_length=200)
    urgent: bool = False
    job_id: uuid.UUID | None = Field(default=None, description="the job waiting for these parts")
    point_id: uuid.UUID | None = Field(
        default=None, description="the centre asking on a point's behalf (a point: its own)"
    )


class RequisitionLinesIn(RequestModel):
    lines: list[StockLineIn] = Field(min_length=1, max_length=200)


class ApproveLineIn(RequestModel):
    sku: str = Field(pattern=SKU)
    qty: StrictInt = Field(ge=0, le=1_000_000)


class ApproveIn(RequestModel):
    lines: list[ApproveLineIn] = Field(min_length=1, max_length=200)


class ReceiveIn(RequestModel):
    lines: list[ApproveLineIn] = Field(min_length=1, max_length=200)


class ShipIn(RequestModel):
    from_location_id: uuid.UUID
    carrier: str = Field(min_length=1, max_length=100)
    tracking_no: str = Field(min_length=1, max_length=100)


class RequisitionLineOut(BaseModel):
    sku: str
    requested: int
    approved: int | None = None
    shipped: int | None = None
    received: int | None = None


class RequisitionOut(BaseModel):
    id: uuid.UUID
    point_id: uuid.UUID
    job_id: uuid.UUID | None
    urgent: bool
    status: str
    lines: list[RequisitionLineOut]
    from_location_id: uuid.UUID | None
    carrier: str | None
    tracking_no: str | None
    reason: str | None
    requested_by: str
    version: int
    created_at: datetime
    updated_at: datetime
