"""Charges, their lines and payments, and their corrections (releases, credit notes)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any, Literal

from pydantic import BaseModel, Field

from aftersales.events import Money
from aftersales.http.models import RequestModel
from billing.api.schemas.common import MoneyIn, PaymentMethod, Reference


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
    delivery: DeliveryOut | None = Field(
        default=None,
        description="a parts order delivered after its promised date: the days late, the "
        "compensation credited, and finance's waiver if any",
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


class DeliveryOut(BaseModel):
    promised_by: date
    delivered_on: date
    days_late: int
    per_day: Money
    compensation: Money = Field(description="what the credit note gave (capped at the order)")
    capped: bool
    credit_note_number: str | None
    waived: dict[str, Any] | None


class DeliveryWaiverIn(RequestModel):
    cause: Literal["weather", "carrier_force_majeure", "customer_absent"] = Field(
        description="the outside cause finance accepts for the delay"
    )
    reason: str = Field(min_length=1, max_length=1000)


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
