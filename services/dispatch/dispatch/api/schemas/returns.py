"""Defective part returns."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

from aftersales.http.models import RequestModel


class ReturnShipIn(RequestModel):
    carrier: str | None = Field(default=None, max_length=100)
    tracking_no: str | None = Field(default=None, max_length=100)


class ReturnReceiveIn(RequestModel):
    condition: Literal["as_reported", "not_defective", "wrong_part", "damaged"]


class PartReturnOut(BaseModel):
    id: uuid.UUID
    job_id: uuid.UUID
    ticket_id: uuid.UUID
    point_id: uuid.UUID
    sku: str
    qty: int
    service_class: str
    status: str
    due_at: datetime
    overdue: bool
    carrier: str | None
    tracking_no: str | None
    shipped_at: datetime | None
    received_at: datetime | None
    condition: str | None
    version: int
