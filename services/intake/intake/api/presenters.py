"""Table rows to response models."""

from __future__ import annotations

from datetime import UTC, datetime

from intake.adapters.tables import CustomerRow, ProductRow, TicketRow, TimelineRow
from intake.api.schemas import (
    Address,
    CustomerOut,
    ProductOut,
    Sla,
    TicketOut,
    TimelineEntry,
    WindowOut,
)
from intake.domain.products import in_warranty


def customer_out(row: CustomerRow) -> CustomerOut:
    return CustomerOut(
        id=row.id,
        name=row.name,
        phone=row.phone,
        email=row.email,
        address=Address(
            region=row.region, city=row.city, line=row.line, postal_code=row.postal_code
        ),
        external_ref=row.external_ref,
        version=row.version,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def product_out(row: ProductRow) -> ProductOut:
    return ProductOut(
        id=row.id,
        customer_id=row.customer_id,
        category=row.category,
        model=row.model,
        serial_no=row.serial_no,
        purchased_on=row.purchased_on,
        warranty_months=row.warranty_months,
        warranty_until=row.warranty_until,
        in_warranty=in_warranty(row.warranty_until, datetime.now(UTC).date()),
        contract_no=row.contract_no,
        version=row.version,
    )


def ticket_out(row: TicketRow) -> TicketOut:
    window = None
    if row.preferred_start is not None and row.preferred_end is not None:
        window = WindowOut(start=row.preferred_start, end=row.preferred_end)
    return TicketOut(
        id=row.id,
        number=row.number,
        status=row.status,  # type: ignore[arg-type]
        kind=row.kind,  # type: ignore[arg-type]
        channel=row.channel,  # type: ignore[arg-type]
        description=row.description,
        customer_id=row.customer_id,
        product_id=row.product_id,
        preferred_window=window,
        sla=Sla(respond_by=row.respond_by),
        version=row.version,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def timeline_entry(row: TimelineRow) -> TimelineEntry:
    return TimelineEntry(at=row.at, event=row.event, summary=row.summary, data=row.data)
