"""The parts reports' rows (stock value, consumption, slow movers, points owing)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field


class StockValueRow(BaseModel):
    location_id: uuid.UUID
    code: str | None = Field(description="the warehouse's or the point's code")
    kind: Literal["warehouse", "point"]
    units: int
    value: int = Field(description="fen, on hand at the parts' standard cost")
    uncosted_skus: int = Field(description="SKUs on hand without a standard cost (valued at 0)")


class ConsumptionRow(BaseModel):
    point_id: uuid.UUID
    sku: str
    service_class: str = Field(description="A, B, C, D, or unknown until the job is charged")
    qty: int
    value: int = Field(description="fen, at the parts' standard cost")


class SlowMoverRow(BaseModel):
    location_id: uuid.UUID
    sku: str
    on_hand: int
    value: int
    last_out_at: datetime | None = Field(description="last issued or transferred out; null: never")


class PointOwesRow(BaseModel):
    point_id: uuid.UUID
    code: str | None
    shortfall_units: int
    shortfall_value: int = Field(description="fen, at the parts' standard cost")
    returns_outstanding: int
    returns_overdue: int
