"""Table rows to response models."""

from __future__ import annotations

from datetime import date, datetime

from intake.adapters.tables import CustomerRow, ProductRow, TicketRow, TimelineRow
from intake.api.schemas.board import NextClockOut
from intake.api.schemas.common import Address, Money, WindowOut
from intake.api.schemas.customers import CustomerOut, ProductOut
from intake.api.schemas.tickets import (
    Assignment,
    CallbackSummary,
    ChargeSummary,
    ChecklistItemOut,
    OrderLineOut,
    PauseOut,
    SampleOut,
    Shipping,
    Sla,
    TicketOut,
    TimelineEntry,
)
from intake.domain.board import ClockState, next_clock
from intake.domain.products import in_warranty
from intake.domain.tickets import window_agreed


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
        type=row.type,  # type: ignore[arg-type]
        version=row.version,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def product_out(row: ProductRow, today: date) -> ProductOut:
    """The product as the API shows it; ``today`` (the service's clock) says if in warranty."""
    return ProductOut(
        id=row.id,
        customer_id=row.customer_id,
        category=row.category,
        model=row.model,
        serial_no=row.serial_no,
        purchased_on=row.purchased_on,
        warranty_months=row.warranty_months,
        warranty_until=row.warranty_until,
        in_warranty=in_warranty(row.warranty_until, today),
        contract_no=row.contract_no,
        replaces_product_id=row.replaces_product_id,
        installation_address=Address(
            region=row.install_region,
            city=row.install_city or "",
            line=row.install_line or "",
            postal_code=row.install_postal_code,
        )
        if row.install_region is not None
        else None,
        notes=row.notes,
        deregistered_at=row.deregistered_at,
        purchase_price=Money(amount=row.purchase_price, currency=row.purchase_currency or "CNY")
        if row.purchase_price is not None
        else None,
        sold_by=row.sold_by,
        proof_ref=row.proof_ref,
        version=row.version,
    )


def _window(start: datetime | None, end: datetime | None) -> WindowOut | None:
    return WindowOut(start=start, end=end) if start is not None and end is not None else None


def clock_state(row: TicketRow) -> ClockState:
    return ClockState(
        status=row.status,
        paused=row.paused_at is not None,
        responded=row.responded_at is not None,
        respond_by=row.respond_by,
        appointment_end=row.appointment_end,
        complete_by=row.complete_by,
        checklist_done=row.checklist_done_at is not None,
    )


def _next_clock(row: TicketRow) -> NextClockOut | None:
    upcoming = next_clock(clock_state(row))
    return None if upcoming is None else NextClockOut(clock=upcoming.clock, due=upcoming.due)


def ticket_out(row: TicketRow) -> TicketOut:
    assignment = None
    if row.current_job_id is not None:
        assignment = Assignment(
            job_id=row.current_job_id,
            point_id=row.point_id,
            technician_id=row.technician_id,
            appointment=_window(row.appointment_start, row.appointment_end),
        )
    charge = None
    if row.charge_id is not None:
        total = None
        if row.charge_total is not None:
            total = Money(amount=row.charge_total, currency=row.charge_currency or "CNY")
        charge = ChargeSummary(
            id=row.charge_id, service_class=row.charge_class, total=total, status=row.charge_status
        )
    callback = None
    if row.callback_outcome is not None:
        callback = CallbackSummary(outcome=row.callback_outcome, score=row.callback_score)
    return TicketOut(
        id=row.id,
        number=row.number,
        status=row.status,  # type: ignore[arg-type]
        kind=row.kind,  # type: ignore[arg-type]
        channel=row.channel,  # type: ignore[arg-type]
        description=row.description,
        customer_id=row.customer_id,
        product_id=row.product_id,
        lines=[OrderLineOut(**line) for line in row.lines] if row.lines is not None else None,
        shipping=Shipping.model_validate(row.parts_order) if row.parts_order else None,
        preferred_window=_window(row.preferred_start, row.preferred_end),
        window_agreed=window_agreed(row.kind, row.preferred_start is not None),
        sample=SampleOut(received_at=row.sample_received_at, reference=row.sample_reference or "")
        if row.sample_received_at is not None
        else None,
        category=row.category,
        topic=row.topic,
        checklist=[ChecklistItemOut.model_validate(entry) for entry in row.checklist]
        if row.checklist is not None
        else None,
        checklist_done_at=row.checklist_done_at,
        sla=Sla(
            respond_by=row.respond_by,
            respond_clock=row.respond_clock,  # type: ignore[arg-type]
            responded_at=row.responded_at,
            response_breached_at=row.response_breached_at,
            complete_by=row.complete_by,
            completion_breached_at=row.completion_breached_at,
            paused_seconds=row.paused_seconds,
        ),
        region=row.region,
        next_clock=_next_clock(row),
        assignment=assignment,
        charge=charge,
        callback=callback,
        pause=PauseOut(
            reason=row.pause_reason or "other",
            note=row.pause_note,
            paused_by=row.paused_by or "system",
            since=row.paused_at,
        )
        if row.paused_at is not None
        else None,
        closure_reason=row.closure_reason,  # type: ignore[arg-type]
        complaint_id=row.complaint_id,
        reopen_count=row.reopen_count,
        version=row.version,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def timeline_entry(row: TimelineRow, *, staff: bool = True) -> TimelineEntry:
    """An entry as the caller may read it: a CRM gets the summary meant for outsiders."""
    summary = row.summary if staff else (row.public_summary or row.summary)
    return TimelineEntry(
        at=row.at, event=row.event, summary=summary, actor=row.actor, data=row.data
    )
