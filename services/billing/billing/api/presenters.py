"""Table rows → API models."""

from __future__ import annotations

import uuid
from typing import Any

from aftersales.events import Money
from billing.adapters.tables.admin_work import AdminWorkRow
from billing.adapters.tables.campaigns import CampaignRow
from billing.adapters.tables.cash import CashHandoverRow, CashRemittanceRow
from billing.adapters.tables.charges import ChargeLineRow, ChargeRow
from billing.adapters.tables.contracts import (
    ContractInvoiceRow,
    ContractPaymentRow,
    ContractRow,
    PlannedVisitRow,
)
from billing.adapters.tables.documents import CreditNoteRow, InvoiceRow
from billing.adapters.tables.payments import PaymentRow, ReconciliationRow
from billing.adapters.tables.price_lists import PriceListRow
from billing.adapters.tables.remedies import RemedyRow
from billing.adapters.tables.settlements import StaffPenaltyRow
from billing.api.schemas.campaigns import CampaignOut
from billing.api.schemas.cash import CashHandoverOut, CashPaymentOut, CashRemittanceOut
from billing.api.schemas.charges import (
    ChargeLineOut,
    ChargeOut,
    CreditNoteOut,
    DeliveryOut,
    LateOut,
    PaymentOut,
)
from billing.api.schemas.contracts import ContractInvoiceOut, ContractOut, Covers, PlannedVisitOut
from billing.api.schemas.invoices import InvoiceOut
from billing.api.schemas.payments import LedgerPaymentOut, ReconciliationOut
from billing.api.schemas.price_lists import PriceListOut
from billing.api.schemas.refunds import RefundOut, StaffPenaltyOut
from billing.api.schemas.reports import AdminWorkOut
from billing.domain.charges import balance
from billing.domain.payments import cash_status, reconciliation_of


def _m(amount: int, currency: str) -> Money:
    return Money(amount=amount, currency=currency)


def charge_out(row: ChargeRow, lines: list[ChargeLineRow], payments: list[PaymentRow]) -> ChargeOut:
    cur = row.currency
    return ChargeOut(
        id=row.id,
        ticket_id=row.ticket_id,
        job_id=row.job_id,
        point_id=row.point_id,
        technician_id=row.technician_id,
        service_class=row.service_class,  # type: ignore[arg-type]
        class_reason=row.class_reason,
        contract_id=row.contract_id,
        price_list_version=row.price_list_version,
        lines=[
            ChargeLineOut(
                kind=line.kind,
                description=line.description,
                sku=line.sku,
                quantity=line.quantity,
                unit_price=_m(line.unit_price, cur) if line.unit_price is not None else None,
                list_amount=_m(line.list_amount, cur),
                customer_pays=_m(line.customer_amount, cur),
                company_bears=_m(line.company_amount, cur),
            )
            for line in lines
        ],
        customer_total=_m(row.customer_total, cur),
        company_cost=_m(row.company_cost, cur),
        credited=_m(row.credited, cur),
        paid=_m(row.paid_total, cur),
        balance=_m(balance(row.customer_total, row.credited, row.paid_total), cur),
        status=row.status,  # type: ignore[arg-type]
        held=row.held_reason is not None,
        held_reason=row.held_reason,
        review=list(row.review),
        month=row.month,
        completed_at=row.completed_at,
        issued_at=row.issued_at,
        invoice_id=row.invoice_id,
        auto_invoice_at=row.auto_invoice_at,
        payments=[payment_out(p, cur) for p in payments],
        campaign_id=row.campaign_id,
        exclusion=row.exclusion,
        late=(
            LateOut(
                minutes=row.late_minutes,
                compensation=_m(row.compensation, cur),
                delay_cause=row.delay_cause,
                waived=row.late_waived,
            )
            if row.late_minutes or row.compensation
            else None
        ),
        unpaid_reason=row.unpaid_reason,
        late_report=row.late_report,
        delivery=_delivery(row.delivery_delay, cur) if row.delivery_delay else None,
        number=row.number,
        supplements=row.supplements,
        version=row.version,
        updated_at=row.updated_at,
    )


def _delivery(d: dict[str, Any], cur: str) -> DeliveryOut:
    return DeliveryOut(
        promised_by=d["promised_by"],
        delivered_on=d["delivered_on"],
        days_late=d["days_late"],
        per_day=_m(d["per_day"], cur),
        compensation=_m(d["amount"], cur),
        capped=d["capped"],
        credit_note_number=d["credit_note_number"],
        waived=d.get("waived"),
    )


def payment_out(p: PaymentRow | ContractPaymentRow, currency: str) -> PaymentOut:
    """A payment of a charge (cash may be held on site) or of a contract invoice."""
    if isinstance(p, ContractPaymentRow):
        return PaymentOut(
            id=p.id,
            method=p.method,
            amount=_m(p.amount, currency),
            recorded_by=p.recorded_by,
            paid_at=p.paid_at,
        )
    return PaymentOut.model_validate(_charge_payment(p, currency))


def _charge_payment(p: PaymentRow, currency: str) -> dict[str, object]:
    return {
        "id": p.id,
        "method": p.method,
        "amount": _m(p.amount, currency),
        "recorded_by": p.recorded_by,
        "paid_at": p.paid_at,
        "held_by": p.held_by,
        "handover_id": p.handover_id,
        "netted_month": p.netted_month,
        "reference": p.reference,
        "reconciliation": reconciliation_of(p.method, p.reconciled_at),
        "reconciled_at": p.reconciled_at,
        "remittance_id": p.remittance_id,
    }


def ledger_payment_out(
    p: PaymentRow, technician_id: uuid.UUID | None, currency: str
) -> LedgerPaymentOut:
    return LedgerPaymentOut.model_validate(
        {
            **_charge_payment(p, currency),
            "charge_id": p.charge_id,
            "point_id": p.point_id,
            "technician_id": technician_id,
            "deducted_month": p.deducted_month,
            "reversed_month": p.reversed_month,
        }
    )


def reconciliation_out(
    row: ReconciliationRow, payments: list[LedgerPaymentOut], reversed_in: str | None
) -> ReconciliationOut:
    return ReconciliationOut(
        id=row.id,
        method=row.method,
        statement_ref=row.statement_ref,
        payments=payments,
        amount=_m(row.amount, row.currency),
        reconciled_by=row.reconciled_by,
        reconciled_at=row.reconciled_at,
        reversed_in=reversed_in,
    )


def remittance_out(row: CashRemittanceRow, payment_ids: list[uuid.UUID]) -> CashRemittanceOut:
    return CashRemittanceOut(
        id=row.id,
        point_id=row.point_id,
        reference=row.reference,
        amount=_m(row.amount, row.currency),
        payments=row.payments,
        payment_ids=payment_ids,
        received_by=row.received_by,
        remitted_at=row.remitted_at,
    )


def contract_invoice_out(
    row: ContractInvoiceRow, payments: list[ContractPaymentRow]
) -> ContractInvoiceOut:
    cur = row.currency
    return ContractInvoiceOut(
        id=row.id,
        number=row.number,
        contract_id=row.contract_id,
        period_start=row.period_start,
        period_end=row.period_end,
        amount=_m(row.amount, cur),
        paid=_m(row.paid_total, cur),
        balance=_m(row.amount - row.paid_total, cur),
        status=row.status,  # type: ignore[arg-type]
        issued_at=row.issued_at,
        payments=[payment_out(p, cur) for p in payments],
    )


def planned_visit_out(row: PlannedVisitRow) -> PlannedVisitOut:
    return PlannedVisitOut(
        id=row.id,
        product_id=row.product_id,
        visit_no=row.visit_no,
        due_on=row.due_on,
        requested_at=row.requested_at,
    )


def campaign_out(row: CampaignRow) -> CampaignOut:
    return CampaignOut(
        id=row.id,
        name=row.name,
        categories=row.categories,
        regions=row.regions,
        kinds=row.kinds,
        from_=row.from_on,
        to=row.to_on,
        covers=row.covers,
        created_by=row.created_by,
        created_at=row.created_at,
    )


def refund_out(row: RemedyRow) -> RefundOut:
    status = (
        "paid"
        if row.paid_at
        else "awaiting_approval"
        if row.approval == "awaiting_approval"
        else "unpaid"
    )
    return RefundOut(
        id=row.id,
        voucher_no=row.voucher_no,
        ticket_id=row.ticket_id,
        reason=row.reason,
        amount=_m(row.customer_credit, row.currency),
        decided=_m(row.decided_amount, row.currency),
        purchase_price=(
            _m(row.purchase_price, row.currency) if row.purchase_price is not None else None
        ),
        proof_ref=row.proof_ref,
        note=row.note,
        status=status,  # type: ignore[arg-type]
        approval=row.approval,  # type: ignore[arg-type]
        approved_by=row.approved_by,
        approved_at=row.approved_at,
        approval_note=row.approval_note,
        decided_at=row.decided_at,
        paid_at=row.paid_at,
        paid_by=row.paid_by,
        method=row.payment_method,
        reference=row.payment_reference,
    )


def handover_out(row: CashHandoverRow) -> CashHandoverOut:
    return CashHandoverOut(
        id=row.id,
        technician_id=row.technician_id,
        point_id=row.point_id,
        amount=_m(row.amount, row.currency),
        payments=row.payments,
        received_by=row.received_by,
        handed_at=row.handed_at,
    )


def cash_payment_out(p: PaymentRow, currency: str, partners: set[uuid.UUID]) -> CashPaymentOut:
    status = cash_status(
        handed_over=p.handover_id is not None,
        remitted=p.remittance_id is not None,
        netted=p.netted_month is not None,
        partner=p.point_id in partners,
    )
    return CashPaymentOut(
        payment_id=p.id,
        charge_id=p.charge_id,
        technician_id=p.held_by,
        point_id=p.point_id,
        amount=_m(p.amount, currency),
        paid_at=p.paid_at,
        status=status,
        handover_id=p.handover_id,
        remittance_id=p.remittance_id,
        netted_month=p.netted_month,
    )


def staff_penalty_out(row: StaffPenaltyRow) -> StaffPenaltyOut:
    return StaffPenaltyOut(
        id=row.id,
        technician_id=row.technician_id,
        point_id=row.point_id,
        complaint_id=row.complaint_id,
        strike=row.strike,
        amount=_m(row.amount, row.currency),
        reason=row.reason,
        deducted_from_point=row.deducted_from_point,
        month=row.month,
        decided_at=row.decided_at,
    )


def contract_out(row: ContractRow, product_ids: list[uuid.UUID]) -> ContractOut:
    left = None if row.visits_included is None else max(0, row.visits_included - row.visits_used)
    return ContractOut(
        id=row.id,
        contract_no=row.contract_no,
        customer_id=row.customer_id,
        product_ids=sorted(product_ids, key=str),
        starts_on=row.starts_on,
        ends_on=row.ends_on,
        covers=Covers(labor=row.covers_labour, parts=row.covers_parts, travel=row.covers_travel),
        visits_included=row.visits_included,
        visits_used=row.visits_used,
        visits_left=left,
        fee=_m(row.fee, row.currency),
        schedule=row.schedule,
        maintenance_visits_per_year=row.maintenance_visits_per_year,
        next_invoice_on=row.next_invoice_on,
        renewed_from=row.renewed_from,
        renewed_by=row.renewed_by,
        version=row.version,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def price_list_out(row: PriceListRow) -> PriceListOut:
    b = row.body
    return PriceListOut(
        version=row.version,
        effective_from=row.effective_from,
        currency=row.currency,
        labour_per_hour=b["labour_per_hour"],
        labour_unit_minutes=b.get("labour_unit_minutes", 15),
        parts=b["parts"],
        travel_bands=b["travel_bands"],
        callout_fees=b.get("callout_fees", {}),
        replacement_values=b.get("replacement_values", {}),
        created_by=row.created_by,
        created_at=row.created_at,
    )


def invoice_out(row: InvoiceRow) -> InvoiceOut:
    return InvoiceOut(
        id=row.id,
        number=row.number,
        year=row.year,
        charge_id=row.charge_id,
        amount=_m(row.amount, row.currency),
        automatic=row.automatic,
        paid=row.paid,
        issued_by=row.issued_by,
        issued_at=row.issued_at,
    )


def credit_note_out(row: CreditNoteRow) -> CreditNoteOut:
    return CreditNoteOut(
        id=row.id,
        number=row.number,
        charge_id=row.charge_id,
        invoice_id=row.invoice_id,
        amount=_m(row.amount, row.currency),
        reason=row.reason,
        issued_by=row.issued_by,
        issued_at=row.issued_at,
    )


def admin_work_out(row: AdminWorkRow) -> AdminWorkOut:
    return AdminWorkOut.model_validate(row, from_attributes=True)
