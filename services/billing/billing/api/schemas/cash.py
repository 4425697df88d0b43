"""Cash taken on site: handovers, the cash report and partner remittances."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

from aftersales.events import Money
from aftersales.http.models import RequestModel
from billing.api.schemas.common import Reference


class CashHandoverIn(RequestModel):
    technician_id: uuid.UUID
    payment_ids: list[uuid.UUID] = Field(min_length=1, max_length=500)


class CashHandoverOut(BaseModel):
    id: uuid.UUID
    technician_id: uuid.UUID
    point_id: uuid.UUID | None
    amount: Money
    payments: int
    received_by: str
    handed_at: datetime


class CashPaymentOut(BaseModel):
    payment_id: uuid.UUID
    charge_id: uuid.UUID
    technician_id: uuid.UUID | None
    point_id: uuid.UUID | None
    amount: Money
    paid_at: datetime
    status: Literal["held", "at_office", "handed_over", "remitted", "netted"] = Field(
        description="held (the technician), at_office (a partner's office: still owed), "
        "handed_over (a company point's office: the end), remitted (a partner paid it to the "
        "company), netted (a partner's settlement took it)"
    )
    handover_id: uuid.UUID | None
    remittance_id: uuid.UUID | None = None
    netted_month: str | None


class CashReport(BaseModel):
    items: list[CashPaymentOut]
    held: Money = Field(
        description="what the listed payments not yet the company's add up to (held by a "
        "technician or a partner's office)"
    )


class CashRemittanceIn(RequestModel):
    point_id: uuid.UUID
    payment_ids: list[uuid.UUID] = Field(min_length=1, max_length=500)
    reference: Reference = Field(description="the remittance's own reference, e.g. the transfer's")


class CashRemittanceOut(BaseModel):
    id: uuid.UUID
    point_id: uuid.UUID
    reference: str
    amount: Money
    payments: int
    payment_ids: list[uuid.UUID]
    received_by: str
    remitted_at: datetime
