"""三包 remedies, refund vouchers and the staff penalty ledger."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

from aftersales.events import Money
from aftersales.http.models import RequestModel
from billing.api.schemas.common import MoneyIn


class RemedyOut(BaseModel):
    ticket_id: uuid.UUID
    remedy: str
    reason: str
    customer_credit: Money
    company_cost: Money
    note: str | None
    decided_at: datetime


class RefundOut(BaseModel):
    id: uuid.UUID
    voucher_no: str | None
    ticket_id: uuid.UUID
    reason: str
    amount: Money = Field(description="what is paid out: the approved amount once approved")
    decided: Money = Field(description="the refund intake decided")
    purchase_price: Money | None = Field(description="the sale price recorded (none: unknown)")
    proof_ref: str | None
    note: str | None
    status: Literal["awaiting_approval", "unpaid", "paid"]
    approval: Literal["not_needed", "awaiting_approval", "approved"]
    approved_by: str | None
    approved_at: datetime | None
    approval_note: str | None
    decided_at: datetime
    paid_at: datetime | None
    paid_by: str | None
    method: str | None
    reference: str | None


class RefundApprovalIn(RequestModel):
    amount: MoneyIn = Field(description="what finance checked against the proof of sale")
    note: str = Field(min_length=1, max_length=1000)


class RefundList(BaseModel):
    items: list[RefundOut]


class RefundPaymentIn(RequestModel):
    method: Literal["cash", "card", "transfer"]
    reference: str | None = Field(default=None, max_length=100, description="e.g. a transfer's")


class StaffPenaltyOut(BaseModel):
    id: uuid.UUID
    technician_id: uuid.UUID
    point_id: uuid.UUID | None
    complaint_id: uuid.UUID
    strike: int
    amount: Money
    reason: str
    deducted_from_point: bool
    month: str
    decided_at: datetime


class StaffPenaltyList(BaseModel):
    items: list[StaffPenaltyOut]
    total: Money
