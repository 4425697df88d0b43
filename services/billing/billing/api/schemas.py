"""Request and response models of billing's HTTP API (separate from the tables)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import AwareDatetime, BaseModel, Field, StrictInt

from aftersales.events import Money
from aftersales.http.models import RequestModel
from billing.domain.admin_work import AdminWorkKind

# Strict: "100" and true are not amounts of money.
Fen = Annotated[StrictInt, Field(ge=0, le=10**10, description="integer minor units (fen)")]
Category = Annotated[str, Field(min_length=1, max_length=60, pattern=r"^[a-z0-9_\-]+$")]
Sku = Annotated[str, Field(min_length=1, max_length=60)]
Kind = Literal[
    "install", "repair", "relocation", "maintenance", "consultation", "training", "complaint"
]


class MoneyIn(RequestModel):
    amount: StrictInt = Field(gt=0, le=10**10, description="integer minor units (fen)")
    currency: str = Field(default="CNY", pattern=r"^[A-Z]{3}$")


class PartPrice(RequestModel):
    price: Fen
    cost: Fen = Field(description="what the company bears when it gives the part away")


class TravelBandIn(RequestModel):
    up_to_km: int = Field(ge=0, le=100_000)
    fee: Fen


class PriceListIn(RequestModel):
    currency: str = Field(default="CNY", pattern=r"^[A-Z]{3}$")
    effective_from: AwareDatetime | None = Field(
        default=None, description="when the list takes effect; now if left out (never the past)"
    )
    labour_per_hour: dict[Category, Fen] = Field(min_length=1, max_length=200)
    labour_unit_minutes: int = Field(
        default=15, ge=1, le=60, description="labour is billed in started units of this length"
    )
    parts: dict[Sku, PartPrice] = Field(default_factory=dict, max_length=20_000)
    travel_bands: list[TravelBandIn] = Field(min_length=1, max_length=50)
    callout_fees: dict[Kind, Fen] = Field(default_factory=dict)
    replacement_values: dict[Category, Fen] = Field(
        default_factory=dict, description="what a 三包 replacement costs the company, by category"
    )


class PriceListOut(BaseModel):
    version: int
    effective_from: datetime
    currency: str
    labour_per_hour: dict[str, int]
    labour_unit_minutes: int
    parts: dict[str, dict[str, int]]
    travel_bands: list[dict[str, int]]
    callout_fees: dict[str, int]
    replacement_values: dict[str, int]
    created_by: str
    created_at: datetime


class PriceListVersions(BaseModel):
    items: list[PriceListOut]


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
    version: int
    created_at: datetime
    updated_at: datetime


class ChargeLineOut(BaseModel):
    kind: str
    description: str
    sku: str | None
    quantity: int
    unit_price: Money | None
    list_amount: Money
    customer_pays: Money
    company_bears: Money


class PaymentOut(BaseModel):
    id: uuid.UUID
    method: str
    amount: Money
    recorded_by: str
    paid_at: datetime


class ChargeOut(BaseModel):
    id: uuid.UUID
    ticket_id: uuid.UUID
    job_id: uuid.UUID | None
    point_id: uuid.UUID | None
    technician_id: uuid.UUID | None
    service_class: Literal["A", "B", "C", "D"]
    class_reason: str
    contract_id: uuid.UUID | None
    price_list_version: int | None
    lines: list[ChargeLineOut]
    customer_total: Money
    company_cost: Money
    credited: Money
    paid: Money
    balance: Money
    status: Literal["open", "paid", "nothing_due", "credit_due"]
    review: list[str] = Field(description="lines that could not be priced, for an agent to check")
    held: bool = Field(description="an implausible report: not invoiced nor settled until released")
    held_reason: str | None
    month: str
    completed_at: datetime
    issued_at: datetime
    invoice_id: uuid.UUID | None
    auto_invoice_at: datetime | None
    payments: list[PaymentOut]
    version: int
    updated_at: datetime


class PaymentIn(RequestModel):
    method: Literal["cash", "card", "transfer"]
    amount: MoneyIn


class InvoiceOut(BaseModel):
    id: uuid.UUID
    number: str
    year: int
    charge_id: uuid.UUID
    amount: Money
    automatic: bool
    issued_by: str
    issued_at: datetime


class InvoiceList(BaseModel):
    items: list[InvoiceOut]
    next_after: int | None


class CreditNoteIn(RequestModel):
    amount: MoneyIn
    reason: str = Field(min_length=1, max_length=1000)


class CreditNoteOut(BaseModel):
    id: uuid.UUID
    number: str
    charge_id: uuid.UUID
    invoice_id: uuid.UUID | None
    amount: Money
    reason: str
    issued_by: str
    issued_at: datetime


class AdminWorkIn(RequestModel):
    staff: str = Field(min_length=1, max_length=200)
    kind: AdminWorkKind
    minutes: int = Field(gt=0, le=24 * 60)
    performed_on: date
    point_id: uuid.UUID | None = None
    note: str | None = Field(default=None, max_length=2000)


class AdminWorkOut(BaseModel):
    id: uuid.UUID
    staff: str
    kind: str
    minutes: int
    performed_on: date
    month: str
    point_id: uuid.UUID | None
    note: str | None
    recorded_by: str
    created_at: datetime


class AdminWorkStaffMonth(BaseModel):
    staff: str
    entries: int
    minutes: int
    minutes_by_kind: dict[str, int]


class AdminWorkReport(BaseModel):
    month: str
    service_class: Literal["D"] = "D"
    staff: list[AdminWorkStaffMonth]
    entries: list[AdminWorkOut]


class Statements(BaseModel):
    month: str
    items: list[dict[str, Any]]


class RevenueClass(BaseModel):
    service_class: str
    charges: int
    customer_total: Money
    company_cost: Money
    credited: Money
    paid: Money


class RemedyOut(BaseModel):
    ticket_id: uuid.UUID
    remedy: str
    reason: str
    customer_credit: Money
    company_cost: Money
    note: str | None
    decided_at: datetime


class RevenueReport(BaseModel):
    month: str
    by_class: list[RevenueClass]
    remedies: list[RemedyOut]
    admin_work_minutes: int
