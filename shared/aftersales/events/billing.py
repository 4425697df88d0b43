"""Events published by billing on the BILLING stream."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import ClassVar, Literal

from aftersales.events.base import EventData, Money, Open, PartsLine

ServiceClass = Open[Literal["A", "B", "C", "D"]]
PaymentMethod = Open[Literal["cash", "card", "transfer", "wallet"]]


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
    method: PaymentMethod
    paid_at: datetime


class SettlementClosed(EventData):
    """A point's statement for a month, closed by an agent: immutable from now on."""

    SUBJECT: ClassVar[str] = "billing.settlement.closed.v1"
    AGGREGATE: ClassVar[str] = "settlement"

    settlement_id: uuid.UUID
    point_id: uuid.UUID
    month: str
    jobs: int
    grade: Open[Literal["A", "B", "C", "D"]] | None = None
    grade_factor_percent: int
    gross: Money
    deductions: Money
    net: Money
    closed_at: datetime
    # Staff rewards paid through the statement (its own line; ``net`` includes them).
    rewards: Money | None = None


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


class ContractInvoiced(EventData):
    """A contract's fee for one period, invoiced when the period begins (合同服务 is charged)."""

    SUBJECT: ClassVar[str] = "billing.contract.invoiced.v1"
    AGGREGATE: ClassVar[str] = "contract"

    contract_id: uuid.UUID
    contract_no: str
    customer_id: uuid.UUID
    invoice_id: uuid.UUID
    invoice_number: str
    period_start: date
    period_end: date
    amount: Money
    issued_at: datetime


class ContractExpiring(EventData):
    """A contract ends soon and has not been renewed (published once per contract)."""

    SUBJECT: ClassVar[str] = "billing.contract.expiring.v1"
    AGGREGATE: ClassVar[str] = "contract"

    contract_id: uuid.UUID
    contract_no: str
    customer_id: uuid.UUID
    ends_on: date
    noticed_at: datetime


class ContractRenewed(EventData):
    SUBJECT: ClassVar[str] = "billing.contract.renewed.v1"
    AGGREGATE: ClassVar[str] = "contract"

    contract_id: uuid.UUID
    contract_no: str
    renewed_from: uuid.UUID
    customer_id: uuid.UUID
    starts_on: date
    ends_on: date
    renewed_at: datetime


class MaintenanceVisitDue(EventData):
    """A planned maintenance visit a contract promises: intake opens its ``maintenance`` ticket
    (once per visit), as if the customer had called."""

    SUBJECT: ClassVar[str] = "billing.contract.maintenance_due.v1"
    AGGREGATE: ClassVar[str] = "contract"

    visit_id: uuid.UUID
    contract_id: uuid.UUID
    contract_no: str
    customer_id: uuid.UUID
    product_id: uuid.UUID
    visit_no: int
    visits_planned: int
    due_on: date
    tenant_id: str | None = None


class ChargeCorrected(EventData):
    """A correction of an issued charge (whose lines never change): a credit note for what the
    customer no longer owes, or a supplementary charge for what they now owe."""

    SUBJECT: ClassVar[str] = "billing.charge.corrected.v1"
    AGGREGATE: ClassVar[str] = "charge"

    charge_id: uuid.UUID
    ticket_id: uuid.UUID
    job_id: uuid.UUID | None = None
    # ``delivery_compensation``: a credit note for a parts order delivered after its promised
    # date; ``delivery_compensation_waived``: finance accepted an outside cause for the delay;
    # ``review_adjusted``: finance cleared a review flag with a correction.
    correction: Open[
        Literal[
            "exclusion_overturned",
            "late_compensation_waived",
            "late_report_received_times",
            "delivery_compensation",
            "delivery_compensation_waived",
            "review_adjusted",
        ]
    ]
    service_class: ServiceClass
    reason: str
    credit_note_number: str | None = None
    supplementary_charge_id: uuid.UUID | None = None
    supplementary_charge_number: str | None = None
    amount: Money
    corrected_at: datetime


class CashHandedOver(EventData):
    SUBJECT: ClassVar[str] = "billing.cash.handed_over.v1"
    AGGREGATE: ClassVar[str] = "technician"

    handover_id: uuid.UUID
    technician_id: uuid.UUID
    point_id: uuid.UUID | None = None
    payment_ids: list[uuid.UUID]
    amount: Money
    handed_at: datetime


class CashRemitted(EventData):
    """A partner point paid the company the cash its technicians took (finance recorded it):
    it no longer owes it."""

    SUBJECT: ClassVar[str] = "billing.cash.remitted.v1"
    AGGREGATE: ClassVar[str] = "remittance"

    remittance_id: uuid.UUID
    point_id: uuid.UUID
    payment_ids: list[uuid.UUID]
    amount: Money
    reference: str
    remitted_at: datetime


class PaymentsReconciled(EventData):
    """Non-cash payments technicians recorded, matched by finance to the provider's statement."""

    SUBJECT: ClassVar[str] = "billing.payments.reconciled.v1"
    AGGREGATE: ClassVar[str] = "reconciliation"

    reconciliation_id: uuid.UUID
    statement_ref: str
    payment_ids: list[uuid.UUID]
    amount: Money
    reconciled_at: datetime


class RefundPaid(EventData):
    """A 三包 refund paid out to the customer against its voucher."""

    SUBJECT: ClassVar[str] = "billing.refund.paid.v1"
    AGGREGATE: ClassVar[str] = "ticket"

    refund_id: uuid.UUID
    ticket_id: uuid.UUID
    voucher_no: str
    amount: Money
    method: PaymentMethod
    paid_at: datetime


ReviewRule = Open[
    Literal[
        "implausible_labour",
        "implausible_travel",
        "labour_above_norm",
        "parts_above_norm",
        "part_not_on_model",
        "repeat_visit",
        "customer_jobs",
        "late_report",
        "no_visit",
        "cash_unremitted",
        "payment_unreconciled",
    ]
]


class ReviewFlagged(EventData):
    """A claim (or money the field holds) that deserves a second look: the rule, the figure
    and the norm it was compared with. ``action`` ``hold`` keeps the charge from invoices and
    settlements until finance clears it; ``mark`` only shows it in the review queue. Raised
    once per finding."""

    SUBJECT: ClassVar[str] = "billing.review.flagged.v1"
    AGGREGATE: ClassVar[str] = "review"

    review_id: uuid.UUID
    rule: ReviewRule
    action: Open[Literal["hold", "mark"]]
    # What the finding is about: a charge (its job, ticket, point), a cash payment a partner
    # still holds, or a non-cash payment not yet reconciled.
    subject: Open[Literal["charge", "cash", "payment"]]
    charge_id: uuid.UUID | None = None
    payment_id: uuid.UUID | None = None
    job_id: uuid.UUID | None = None
    ticket_id: uuid.UUID | None = None
    point_id: uuid.UUID | None = None
    figure: float | None = None
    norm: float | None = None
    reason: str
    flagged_at: datetime
