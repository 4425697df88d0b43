"""Events published by billing on the BILLING stream."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import ClassVar, Literal

from aftersales.events.base import EventData, Money, PartsLine

ServiceClass = Literal["A", "B", "C", "D"]


class ChargeIssued(EventData):
    SUBJECT: ClassVar[str] = "billing.charge.issued.v1"
    AGGREGATE: ClassVar[str] = "charge"

    charge_id: uuid.UUID
    ticket_id: uuid.UUID
    job_id: uuid.UUID | None = None
    point_id: uuid.UUID | None = None
    service_class: ServiceClass
    class_reason: str
    customer_total: Money
    company_cost: Money
    issued_at: datetime


class ChargePaid(EventData):
    SUBJECT: ClassVar[str] = "billing.charge.paid.v1"
    AGGREGATE: ClassVar[str] = "charge"

    charge_id: uuid.UUID
    ticket_id: uuid.UUID
    amount_paid: Money
    method: Literal["cash", "card", "transfer"]
    paid_at: datetime


class SettlementClosed(EventData):
    """A point's statement for a month, closed by an agent: immutable from now on."""

    SUBJECT: ClassVar[str] = "billing.settlement.closed.v1"
    AGGREGATE: ClassVar[str] = "settlement"

    settlement_id: uuid.UUID
    point_id: uuid.UUID
    month: str
    jobs: int
    grade: Literal["A", "B", "C", "D"] | None = None
    grade_factor_percent: int
    gross: Money
    deductions: Money
    net: Money
    closed_at: datetime


OrderLine = PartsLine


class PartsOrderPaid(EventData):
    """A parts order is paid in full: dispatch must ship it within its deadline."""

    SUBJECT: ClassVar[str] = "billing.parts_order.paid.v1"
    AGGREGATE: ClassVar[str] = "charge"

    ticket_id: uuid.UUID
    charge_id: uuid.UUID
    lines: list[OrderLine]
    invoice_id: uuid.UUID
    paid_at: datetime


class PartsOrderCancelled(EventData):
    """A parts order left unpaid past its days is cancelled; its charge is credited in full."""

    SUBJECT: ClassVar[str] = "billing.parts_order.cancelled.v1"
    AGGREGATE: ClassVar[str] = "charge"

    ticket_id: uuid.UUID
    charge_id: uuid.UUID
    reason: str
    cancelled_at: datetime
