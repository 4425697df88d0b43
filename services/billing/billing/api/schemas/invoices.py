"""Invoices."""

from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import BaseModel, Field

from aftersales.events import Money


class InvoiceOut(BaseModel):
    id: uuid.UUID
    number: str
    year: int
    charge_id: uuid.UUID
    amount: Money
    automatic: bool
    paid: bool = Field(description="the charge was paid in full (on site) when it was invoiced")
    issued_by: str
    issued_at: datetime


class InvoiceList(BaseModel):
    items: list[InvoiceOut]
    next_after: int | None
