"""Warehouses, stock levels and movements, receipts, transfers, adjustments, reorder levels."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, Field, StrictInt

from aftersales.http.models import RequestModel
from dispatch.api.schemas.common import SKU


class WarehouseIn(RequestModel):
    code: str = Field(min_length=1, max_length=40, pattern=r"^[A-Za-z0-9_\-]+$")
    name: str = Field(min_length=1, max_length=200)
    region: str | None = Field(default=None, pattern=r"^\d{6}$")


class WarehouseOut(BaseModel):
    id: uuid.UUID
    code: str
    name: str
    region: str | None


class StockLineIn(RequestModel):
    sku: str = Field(pattern=SKU)
    qty: StrictInt = Field(ge=1, le=1_000_000)


class ReceiptIn(RequestModel):
    location_id: uuid.UUID
    lines: list[StockLineIn] = Field(min_length=1, max_length=200)
    reference: str | None = Field(default=None, max_length=200)


class TransferIn(RequestModel):
    from_location_id: uuid.UUID
    to_location_id: uuid.UUID
    lines: list[StockLineIn] = Field(min_length=1, max_length=200)


class AdjustmentIn(RequestModel):
    location_id: uuid.UUID
    sku: str = Field(pattern=SKU)
    qty: StrictInt = Field(ge=-1_000_000, le=1_000_000, description="signed; not zero")
    reason: str = Field(min_length=1, max_length=1000)


class ReorderLevelsIn(RequestModel):
    location_id: uuid.UUID
    levels: dict[str, Annotated[int, Field(ge=0, le=1_000_000)] | None] = Field(
        min_length=1, max_length=500, description="SKU → level; null removes it"
    )


class StockLevelOut(BaseModel):
    location_id: uuid.UUID
    sku: str
    on_hand: int
    reserved: int
    in_transit: int
    shortfall: int = Field(description="parts used on jobs beyond what the books showed")
    reorder_level: int | None
    below_reorder: bool


class MovementOut(BaseModel):
    id: uuid.UUID
    location_id: uuid.UUID
    sku: str
    kind: str
    qty: int = Field(description="signed: its effect on hand")
    on_hand_after: int
    shortfall_after: int
    reference: str | None
    reason: str | None
    job_id: uuid.UUID | None
    counterpart_id: uuid.UUID | None
    actor: str
    at: datetime
