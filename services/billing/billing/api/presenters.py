"""Table rows → API models."""

from __future__ import annotations

import uuid

from aftersales.events import Money
from billing.adapters.tables import (
    AdminWorkRow,
    ChargeLineRow,
    ChargeRow,
    ContractRow,
    CreditNoteRow,
    InvoiceRow,
    PaymentRow,
    PriceListRow,
)
from billing.api.schemas import (
    AdminWorkOut,
    ChargeLineOut,
    ChargeOut,
    ContractOut,
    Covers,
    CreditNoteOut,
    InvoiceOut,
    PaymentOut,
    PriceListOut,
)
from billing.domain.charges import balance


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
        payments=[
            PaymentOut(
                id=p.id,
                method=p.method,
                amount=_m(p.amount, cur),
                recorded_by=p.recorded_by,
                paid_at=p.paid_at,
            )
            for p in payments
        ],
        version=row.version,
        updated_at=row.updated_at,
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
