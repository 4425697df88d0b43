"""Table rows → API models."""

from __future__ import annotations

from dispatch.adapters.tables.jobs import JobRow
from dispatch.adapters.tables.points import CapacityOverrideRow, PointRow
from dispatch.adapters.tables.technicians import TechnicianRow
from dispatch.adapters.tables.workshop import RepairCardRow, WorkshopLogRow
from dispatch.api.schemas.board import NextClockOut
from dispatch.api.schemas.jobs import Appointment, JobOut, JobPause, PartOut
from dispatch.api.schemas.points import CapacityOverrideOut, PointOut
from dispatch.api.schemas.technicians import TechnicianOut
from dispatch.api.schemas.workshop import RepairCardOut, WorkshopLogEntry
from dispatch.domain.board import JobClocks, next_clock


def point_out(row: PointRow) -> PointOut:
    return PointOut.model_validate(row, from_attributes=True)


def override_out(row: CapacityOverrideRow) -> CapacityOverrideOut:
    return CapacityOverrideOut.model_validate(row, from_attributes=True)


def technician_out(row: TechnicianRow) -> TechnicianOut:
    return TechnicianOut.model_validate(row, from_attributes=True)


def _window(start: object, end: object) -> Appointment | None:
    if start is None or end is None:
        return None
    return Appointment(start=start, end=end)  # type: ignore[arg-type]


# What a point is shown of the customer on a job it has been offered: where, to decide.
DISTRICT = ("region", "city")


def _customer(row: JobRow, confined: bool) -> dict[str, object]:
    """The customer on the job; for a point, technician or app (``confined``) only the
    district until the point has accepted the job (a point may decline, having learnt
    nothing of whom it declined)."""
    if confined and (row.status in ("unrouted", "offered") or row.accepted_at is None):
        return {k: row.customer[k] for k in DISTRICT if k in row.customer}
    return row.customer


def job_clocks(row: JobRow) -> JobClocks:
    return JobClocks(
        status=row.status,
        paused=row.paused_at is not None,
        offer_expires_at=row.offer_expires_at,
        respond_by=row.respond_by,
        appointment_end=row.appointment_end,
        complete_by=row.complete_by,
    )


def _next_clock(row: JobRow) -> NextClockOut | None:
    upcoming = next_clock(job_clocks(row))
    return None if upcoming is None else NextClockOut(clock=upcoming.clock, due=upcoming.due)


def job_out(row: JobRow, *, confined: bool = False) -> JobOut:
    """A job as its caller may see it: a point or technician (``confined``) never sees the
    routing candidates nor the explanation that names the points it beat, nor the customer's
    name, phone and address line before the job is accepted."""
    routing = row.routing or {}
    # The explanation of a choice names the point it beat; that of no choice names none.
    chosen = any(c.get("outcome") == "chosen" for c in routing.get("candidates", []))
    routing_why = routing.get("why") if chosen else None
    return JobOut(
        id=row.id,
        ticket_id=row.ticket_id,
        ticket_number=row.ticket_number,
        kind=row.kind,
        region=row.region,
        category=row.category,
        description=row.description,
        customer=_customer(row, confined),
        product=row.product or None,
        topic=row.topic,
        preferred_window=_window(row.preferred_start, row.preferred_end),
        window_agreed=row.window_agreed,
        window_agreed_at=row.window_agreed_at,
        status=row.status,  # type: ignore[arg-type]
        status_reason=(
            None if confined and row.status_reason == routing_why else row.status_reason
        ),
        point_id=row.point_id,
        technician_id=row.technician_id,
        visit_number=row.visit_number,
        previous_job_id=row.previous_job_id,
        rework_reason=row.rework_reason,
        attempt=row.attempt,
        offer_expires_at=row.offer_expires_at,
        respond_by=row.respond_by,
        complete_by=row.complete_by,
        next_clock=_next_clock(row),
        routing=None if confined else row.routing,
        appointment=_window(row.appointment_start, row.appointment_end),
        service_date=row.service_date,
        arrived_at=row.arrived_at,
        arrived_late_minutes=row.arrived_late_minutes,
        receipt_no=row.receipt_no,
        resolution=row.resolution,
        labor_minutes=row.labor_minutes,
        parts=[PartOut(**p) for p in row.parts],
        travel_km=row.travel_km,
        completed_at=row.completed_at,
        symptom_code=row.symptom_code,
        cause_code=row.cause_code,
        action_code=row.action_code,
        outcome=row.outcome,
        pause=JobPause(reason=row.pause_reason or "other", since=row.paused_at)
        if row.paused_at is not None
        else None,
        version=row.version,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def repair_card_out(
    card: RepairCardRow, log: list[WorkshopLogRow], job: JobRow | None = None
) -> RepairCardOut:
    return RepairCardOut(
        job_id=card.job_id,
        receipt_no=card.receipt_no,
        receipt_status="voided" if card.receipt_voided_at else "issued",
        received_at=card.received_at,
        repaired_at=card.repaired_at,
        labor_minutes=card.labor_minutes,
        parts=[PartOut(**p) for p in card.parts],
        inspected_at=card.inspected_at,
        inspected_by=card.inspected_by,
        returned_at=card.returned_at,
        receipt_voided_at=card.receipt_voided_at,
        failed_inspections=card.failed_inspections,
        symptom_code=job.symptom_code if job else None,
        cause_code=job.cause_code if job else None,
        action_code=job.action_code if job else None,
        outcome=job.outcome if job else None,
        log=[
            WorkshopLogEntry(receipt_no=e.receipt_no, direction=e.direction, at=e.at, actor=e.actor)  # type: ignore[arg-type]
            for e in log
        ],
    )
