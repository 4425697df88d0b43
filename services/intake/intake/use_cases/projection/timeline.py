"""Every event about a ticket lands on its timeline: the ticket it concerns, locked, with the
event's summary (as staff and as outsiders may read it)."""

from __future__ import annotations

from typing import Any

from aftersales.events import Envelope, billing, dispatch, feedback
from aftersales.logging import get_logger
from aftersales.unit_of_work import UnitOfWork
from intake.adapters.repositories import TicketRepository
from intake.adapters.tables import TicketRow
from intake.domain.redaction import for_outsiders
from intake.use_cases.ticket_events import touch

log = get_logger(__name__)


def summary(event: Envelope[Any]) -> str:
    d = event.data
    match d:
        case dispatch.JobRouted():
            return f"Offered to network point {d.point_id} ({d.why})."
        case dispatch.JobUnrouted():
            return f"No network point could take the job: {d.reason}"
        case dispatch.JobOfferDeclined():
            how = "let the offer expire" if d.expired else f"declined: {d.reason}"
            return f"Network point {d.point_id} {how}."
        case dispatch.JobAccepted():
            return f"Network point {d.point_id} accepted the job."
        case dispatch.JobScheduled():
            return (
                f"Technician {d.technician_id} booked for {d.appointment.start:%Y-%m-%d %H:%M}"
                f" to {d.appointment.end:%H:%M} UTC."
            )
        case dispatch.JobStatusChanged():
            return f"Job {d.previous_status} → {d.status}" + (f": {d.note}" if d.note else ".")
        case dispatch.JobCompleted():
            found = ", ".join(
                f"{k} {v}"
                for k, v in (("symptom", d.symptom_code), ("cause", d.cause_code))
                if v is not None
            )
            return f"Job completed ({d.resolution}, {d.outcome}), visit {d.visit_number}" + (
                f": {found}." if found else "."
            )
        case billing.ChargeIssued():
            return (
                f"Charge issued: class {d.service_class}, customer pays "
                f"{d.customer_total.amount / 100:.2f} {d.customer_total.currency}."
            )
        case billing.ChargePaid():
            return f"Paid {d.amount_paid.amount / 100:.2f} {d.amount_paid.currency} by {d.method}."
        case feedback.CallbackRecorded():
            if not d.reached:
                return "Callback attempt: customer not reached."
            return f"Callback: {d.outcome}" + (f", score {d.score}" if d.score else "") + "."
        case feedback.ComplaintOpened():
            return f"Complaint opened; reply by {d.reply_by:%Y-%m-%d %H:%M} UTC."
        case feedback.ComplaintResolved():
            verdict = "substantiated" if d.substantiated else "not substantiated"
            return f"Complaint resolved ({verdict}): {d.resolution}"
        case feedback.ComplaintReplied():
            return "Complaint answered" + (" in time." if d.in_time else " late.")
        case feedback.ComplaintOverdue():
            return f"Complaint {d.deadline} deadline missed (due {d.due_at:%Y-%m-%d %H:%M} UTC)."
        case feedback.CallbackOverdue():
            return f"Callback overdue (due {d.due_at:%Y-%m-%d %H:%M} UTC)."
        case feedback.CallbackUnreachable():
            return f"Customer unreachable after {d.attempts} callback attempts."
        case dispatch.SlaBreached():
            return f"SLA '{d.sla}' breached (due {d.due_at:%Y-%m-%d %H:%M} UTC)."
        case dispatch.PartsOrderShipped():
            late = "" if d.on_time else " (late)"
            return f"Parts shipped{late} by {d.carrier}, tracking number {d.tracking_no}."
        case dispatch.PartsOrderDelivered():
            return "Parts delivered to the customer."
        case dispatch.PartsOrderShipOverdue():
            return (
                f"Parts not shipped by {d.ship_by:%Y-%m-%d %H:%M} UTC: tell the customer at once."
            )
        case billing.PartsOrderPaid():
            return "Parts order paid in full and invoiced: the warehouse ships it now."
        case billing.PartsOrderCancelled():
            return f"Parts order cancelled: {d.reason}"
    return event.type


async def ticket_for_event(uow: UnitOfWork, event: Envelope[Any]) -> TicketRow | None:
    tickets = TicketRepository(uow.session)
    ticket = await tickets.get_for_update(event.data.ticket_id)
    if ticket is None:
        # Not ours (or not yet: intake's own commit always precedes the events about it).
        log.warning(
            "projection.unknown_ticket", subject=event.type, ticket_id=str(event.data.ticket_id)
        )
        return None
    tickets.record(
        ticket.id,
        event.time,
        event.type,
        summary(event),
        public_summary=summary(for_outsiders(event)),
        actor=event.source,
        event_id=str(event.id),
    )
    return ticket


async def on_history_only(uow: UnitOfWork, event: Envelope[Any]) -> None:
    ticket = await ticket_for_event(uow, event)
    if ticket is not None:
        touch(uow, ticket)
