"""The payments ledger and reconciliations with the providers' statements."""

from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import BaseModel, Field

from aftersales.events import Money
from aftersales.http.models import RequestModel
from billing.api.schemas.charges import PaymentOut
from billing.api.schemas.common import MoneyIn, NonCashMethod, Reference


class LedgerPaymentOut(PaymentOut):
    charge_id: uuid.UUID
    point_id: uuid.UUID | None
    technician_id: uuid.UUID | None = Field(description="the charge's technician")
    deducted_month: str | None = Field(
        default=None, description="left unreconciled too long: deducted from the partner then"
    )
    reversed_month: str | None = Field(
        default=None, description="reconciled after its deduction: given back then"
    )


class PaymentList(BaseModel):
    items: list[LedgerPaymentOut]
    total: Money = Field(description="what the listed payments add up to")


class StatementLineIn(RequestModel):
    reference: Reference
    amount: MoneyIn


class ReconcileIn(RequestModel):
    method: NonCashMethod = Field(
        description="whose statement: the card acquirer's, the bank's, the wallet's"
    )
    statement_ref: Reference = Field(description="the provider statement's own reference")
    payments: list[StatementLineIn] = Field(min_length=1, max_length=5000)


class ReconciliationOut(BaseModel):
    id: uuid.UUID
    method: str
    statement_ref: str
    payments: list[LedgerPaymentOut]
    amount: Money
    reconciled_by: str
    reconciled_at: datetime
    reversed_in: str | None = Field(
        default=None,
        description="the month whose settlement gives back deductions made for these payments",
    )
