"""Contracts, their renewal, invoices, payments and planned visits."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, Field

from aftersales.events import Money
from aftersales.http.models import RequestModel
from billing.api.schemas.charges import PaymentOut
from billing.api.schemas.common import Fen, MoneyIn, Schedule


class CoversIn(RequestModel):
    labor: bool
    parts: bool
    travel: bool


class ContractIn(RequestModel):
    contract_no: str = Field(min_length=1, max_length=60)
    customer_id: uuid.UUID
    product_ids: list[uuid.UUID] = Field(min_length=1, max_length=500)
    starts_on: date
    ends_on: date
    covers: CoversIn
    visits_included: int | None = Field(default=None, ge=0, le=10_000)
    fee: Fen = Field(default=0, description="what the customer pays per period of the schedule")
    currency: str = Field(default="CNY", pattern=r"^[A-Z]{3}$")
    schedule: Schedule = Field(
        default="once", description="once (at signing), monthly, quarterly or yearly"
    )
    maintenance_visits_per_year: int = Field(
        default=0,
        ge=0,
        le=12,
        description="planned maintenance visits (1, 2, 3, 4, 6 or 12 a year) opened as "
        "maintenance tickets in intake and counted against visits_included",
    )


class RenewalIn(RequestModel):
    contract_no: str = Field(min_length=1, max_length=60, description="the renewal's own number")
    ends_on: date | None = Field(
        default=None, description="the renewal's last day; by default a term as long as the old"
    )
    fee: Fen | None = None
    schedule: Schedule | None = None
    visits_included: int | None = Field(default=None, ge=0, le=10_000)
    maintenance_visits_per_year: int | None = Field(default=None, ge=0, le=12)


class Covers(BaseModel):
    labor: bool
    parts: bool
    travel: bool


class ContractOut(BaseModel):
    id: uuid.UUID
    contract_no: str
    customer_id: uuid.UUID
    product_ids: list[uuid.UUID]
    starts_on: date
    ends_on: date
    covers: Covers
    visits_included: int | None
    visits_used: int
    visits_left: int | None
    fee: Money
    schedule: str
    maintenance_visits_per_year: int
    next_invoice_on: date | None
    renewed_from: uuid.UUID | None
    renewed_by: uuid.UUID | None
    version: int
    created_at: datetime
    updated_at: datetime


class ContractPaymentIn(RequestModel):
    method: Literal["cash", "card", "transfer"]
    amount: MoneyIn


class ContractInvoiceOut(BaseModel):
    id: uuid.UUID
    number: str
    contract_id: uuid.UUID
    period_start: date
    period_end: date
    amount: Money
    paid: Money
    balance: Money
    status: Literal["open", "paid"]
    issued_at: datetime
    payments: list[PaymentOut]


class PlannedVisitOut(BaseModel):
    id: uuid.UUID
    product_id: uuid.UUID
    visit_no: int
    due_on: date
    requested_at: datetime | None


class ContractDetail(BaseModel):
    contract: ContractOut
    invoices: list[ContractInvoiceOut]
    planned_visits: list[PlannedVisitOut]
