"""Request and response models of billing's HTTP API (separate from the tables)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, StrictInt

from aftersales.events import Money
from aftersales.http.models import RequestModel
from billing.domain.admin_work import AdminWorkKind

# Strict: "100" and true are not amounts of money.
Fen = Annotated[StrictInt, Field(ge=0, le=10**10, description="integer minor units (fen)")]
Category = Annotated[str, Field(min_length=1, max_length=60, pattern=r"^[a-z0-9_\-]+$")]
Sku = Annotated[str, Field(min_length=1, max_length=60)]
Schedule = Literal["once", "monthly", "quarterly", "yearly"]
Cover = Literal["labour", "parts", "travel"]
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


class ChargeLineOut(BaseModel):
    kind: str
    description: str
    sku: str | None
    quantity: int
    unit_price: Money | None
    list_amount: Money
    customer_pays: Money
    company_bears: Money


PaymentMethod = Literal["cash", "card", "transfer", "wallet"]
NonCashMethod = Literal["card", "transfer", "wallet"]
Reference = Annotated[str, Field(min_length=1, max_length=100)]


class PaymentOut(BaseModel):
    id: uuid.UUID
    method: str
    amount: Money
    recorded_by: str
    paid_at: datetime
    held_by: uuid.UUID | None = Field(
        default=None, description="cash taken on site: the technician who took it"
    )
    handover_id: uuid.UUID | None = None
    netted_month: str | None = None
    reference: str | None = Field(
        default=None, description="the provider's reference of a card, transfer or wallet payment"
    )
    reconciliation: Literal["not_needed", "unreconciled", "reconciled"] | None = Field(
        default=None,
        description="a non-cash payment a technician recorded is unreconciled until finance "
        "matches it to the provider's statement (cash: not_needed)",
    )
    reconciled_at: datetime | None = None
    remittance_id: uuid.UUID | None = Field(
        default=None, description="cash a partner point remitted to the company"
    )


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
    held: bool = Field(
        description="an implausible or a late report: not invoiced nor settled until released"
    )
    held_reason: str | None
    month: str
    completed_at: datetime
    issued_at: datetime
    invoice_id: uuid.UUID | None
    auto_invoice_at: datetime | None
    payments: list[PaymentOut]
    campaign_id: uuid.UUID | None = None
    exclusion: dict[str, Any] | None = Field(
        default=None,
        description="the warranty exclusion claimed (reason, note, photo_ref), what the charge "
        "would otherwise be, and finance's overturn if any",
    )
    late: LateOut | None = None
    unpaid_reason: str | None = Field(
        default=None, description="why the point is not paid for this job's work"
    )
    late_report: dict[str, Any] | None = Field(
        default=None,
        description="a job reported late: when its reports reached dispatch, what the received "
        "times change in the money, both figures (reported, received) while held, and the "
        "basis finance released it on",
    )
    number: str | None = Field(default=None, description="a supplementary charge's number")
    supplements: uuid.UUID | None = Field(
        default=None, description="the charge a supplementary charge corrects"
    )
    version: int
    updated_at: datetime


class LateOut(BaseModel):
    minutes: int
    compensation: Money
    delay_cause: dict[str, Any] | None
    waived: dict[str, Any] | None


class ReasonIn(RequestModel):
    reason: str = Field(min_length=1, max_length=1000)


class CorrectionOut(BaseModel):
    charge: ChargeOut
    credit_note: CreditNoteOut | None = None
    supplementary_charge: ChargeOut | None = None


class PaymentIn(RequestModel):
    method: PaymentMethod = Field(description="wallet: WeChat Pay, Alipay")
    amount: MoneyIn
    reference: Reference | None = Field(
        default=None,
        description="the provider's reference (card slip, transfer, wallet transaction): "
        "required for anything but cash",
    )


class ReleaseIn(RequestModel):
    basis: Literal["reported", "received"] | None = Field(
        default=None,
        description="for a charge held for a late report (required then, refused otherwise): "
        "the times the reports carry, or the times they reached dispatch",
    )
    note: str | None = Field(default=None, min_length=1, max_length=1000)


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


class CampaignIn(RequestModel):
    name: str = Field(min_length=1, max_length=120)
    categories: list[Category] = Field(min_length=1, max_length=200)
    regions: list[Annotated[str, Field(min_length=1, max_length=60)]] = Field(
        min_length=1, max_length=500
    )
    kinds: list[Kind] = Field(min_length=1)
    from_: date = Field(alias="from")
    to: date
    covers: list[Cover] = Field(default=["labour", "parts", "travel"], min_length=1)


class CampaignOut(BaseModel):
    model_config = ConfigDict(serialize_by_alias=True)

    id: uuid.UUID
    name: str
    categories: list[str]
    regions: list[str]
    kinds: list[str]
    from_: date = Field(serialization_alias="from")
    to: date
    covers: list[str]
    created_by: str
    created_at: datetime


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


class CloseMonthIn(RequestModel):
    force: bool = Field(
        default=False, description="close before feedback has graded the month (needs a reason)"
    )
    reason: str | None = Field(default=None, min_length=1, max_length=1000)


class RevenueReport(BaseModel):
    month: str
    by_class: list[RevenueClass]
    remedies: list[RemedyOut]
    admin_work_minutes: int
