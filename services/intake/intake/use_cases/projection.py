"""The ticket follows what dispatch, billing and feedback report (the status projection).

Every event lands on the timeline. Status, assignment, charge and callback change only as
``intake.domain.lifecycle`` allows, and a job's fields only from a newer version of that job, so
duplicates and reordered events never move a ticket backwards or twice.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from pydantic import TypeAdapter

from aftersales.db import UnitOfWork
from aftersales.events import AnyEnvelope, Envelope, billing, dispatch, feedback, intake
from aftersales.logging import get_logger
from intake.adapters.repositories import TicketRepository
from intake.adapters.tables import TicketJobRow, TicketRow
from intake.domain.lifecycle import FINAL, TicketState, apply_callback, apply_job_status
from intake.domain.redaction import for_outsiders
from intake.use_cases.ticket_events import change_status, emit, end_ticket, touch

log = get_logger(__name__)
NOT_FIXED = frozenset({"not_fixed_first_visit", "not_fixed_repeat"})
_ADAPTER: TypeAdapter[Envelope[Any]] = TypeAdapter(AnyEnvelope)

JOB_STATUS_OF: dict[type, Callable[[Any], str]] = {
    dispatch.JobRouted: lambda d: "offered",
    dispatch.JobUnrouted: lambda d: "unrouted",
    dispatch.JobAccepted: lambda d: "accepted",
    dispatch.JobScheduled: lambda d: "scheduled",
    dispatch.JobStatusChanged: lambda d: d.status,
    dispatch.JobCompleted: lambda d: "completed",
}


def _summary(event: Envelope[Any]) -> str:
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
        _summary(event),
        public_summary=_summary(for_outsiders(event)),
        actor=event.source,
        event_id=str(event.id),
    )
    return ticket


async def on_job_event(uow: UnitOfWork, event: Envelope[Any]) -> None:
    ticket = await ticket_for_event(uow, event)
    if ticket is None:
        return
    d = event.data
    tickets = TicketRepository(uow.session)
    jobs = await tickets.jobs(ticket.id)
    job = jobs.get(d.job_id)
    if job is not None and event.aggregate_version <= job.version:
        ticket.updated_at = datetime.now(UTC)
        return  # an older report of this job: history only
    job_status = JOB_STATUS_OF[type(d)](d)
    known = frozenset(jid for jid, j in jobs.items() if j.version > 0)
    if job is None:
        job = TicketJobRow(
            job_id=d.job_id,
            ticket_id=ticket.id,
            status=job_status,
            version=event.aggregate_version,
            updated_at=event.time,
        )
        tickets.add_job(job)
    else:
        job.status, job.version, job.updated_at = job_status, event.aggregate_version, event.time
    if isinstance(d, dispatch.JobCompleted):
        job.cause_code = d.cause_code

    # ``known`` was read before this event: the jobs the ticket had already heard of.
    before = TicketState(ticket.status, ticket.current_job_id, known)
    after = apply_job_status(before, d.job_id, job_status)
    ticket.current_job_id = after.current_job_id
    if after.current_job_id == d.job_id:
        _assign(ticket, d, event.time)
    if after.status != before.status:  # change_status bumps the version itself
        # The reason goes out in intake.ticket.status_changed, to CRMs too: as they may read it.
        reason = _summary(for_outsiders(event))
        await change_status(uow, ticket, after.status, reason=reason, actor=event.source)
    else:
        touch(ticket)
    if job.pending_callback is not None and ticket.current_job_id == d.job_id:
        pending = _ADAPTER.validate_python(job.pending_callback)
        job.pending_callback = None
        if isinstance(pending.data, feedback.CallbackUnreachable):
            await _apply_unreachable(uow, ticket, pending)
        else:
            await _apply_callback(uow, ticket, pending)


def _assign(ticket: TicketRow, d: Any, at: datetime) -> None:
    if isinstance(d, dispatch.JobRouted | dispatch.JobAccepted):
        ticket.point_id = d.point_id
    elif isinstance(d, dispatch.JobScheduled):
        if ticket.respond_clock == "dispatch" and ticket.responded_at is None:
            ticket.responded_at = at  # a visit ticket is answered by booking its visit
        ticket.point_id, ticket.technician_id = d.point_id, d.technician_id
        ticket.appointment_start, ticket.appointment_end = d.appointment.start, d.appointment.end
    elif isinstance(d, dispatch.JobCompleted):
        ticket.point_id, ticket.technician_id = d.point_id, d.technician_id


async def on_charge_issued(uow: UnitOfWork, event: Envelope[billing.ChargeIssued]) -> None:
    ticket = await ticket_for_event(uow, event)
    if ticket is None:
        return
    d = event.data
    paid_first = ticket.charge_status == "paid" and ticket.charge_id == d.charge_id
    if ticket.respond_clock == "billing" and ticket.responded_at is None:
        ticket.responded_at = d.issued_at  # a parts order is answered by its priced charge
    ticket.charge_id, ticket.charge_class = d.charge_id, d.service_class
    ticket.charge_total, ticket.charge_currency = d.customer_total.amount, d.customer_total.currency
    if not paid_first:  # a payment that overtook the issue keeps the charge "paid"
        ticket.charge_status = "issued"
    touch(ticket)


async def on_charge_paid(uow: UnitOfWork, event: Envelope[billing.ChargePaid]) -> None:
    ticket = await ticket_for_event(uow, event)
    if ticket is None:
        return
    d = event.data
    if ticket.charge_id in (None, d.charge_id):
        ticket.charge_id, ticket.charge_status = d.charge_id, "paid"
        touch(ticket)


async def on_callback(uow: UnitOfWork, event: Envelope[feedback.CallbackRecorded]) -> None:
    ticket = await ticket_for_event(uow, event)
    if ticket is None:
        return
    d = event.data
    if d.job_id is None:
        await _apply_remote_callback(uow, ticket, event)  # type: ignore[arg-type]
        return
    if d.reached and d.outcome is not None and not await _known_job(uow, ticket, d.job_id):
        # The callback overtook every event of its job: keep it until the job arrives.
        await _keep_for_later(uow, ticket, event)
        touch(ticket)
        return
    await _apply_callback(uow, ticket, event)


async def _known_job(uow: UnitOfWork, ticket: TicketRow, job_id: Any) -> bool:
    job = (await TicketRepository(uow.session).jobs(ticket.id)).get(job_id)
    return job is not None and job.version > 0


async def _keep_for_later(uow: UnitOfWork, ticket: TicketRow, event: Envelope[Any]) -> None:
    tickets = TicketRepository(uow.session)
    job = (await tickets.jobs(ticket.id)).get(event.data.job_id)
    if job is None:
        job = TicketJobRow(
            job_id=event.data.job_id,
            ticket_id=ticket.id,
            status="unknown",
            version=0,
            updated_at=event.time,
        )
        tickets.add_job(job)
    job.pending_callback = event.model_dump(mode="json")


async def _apply_callback(uow: UnitOfWork, ticket: TicketRow, event: Envelope[Any]) -> None:
    d = event.data
    before = TicketState(ticket.status, ticket.current_job_id)
    after = before
    if d.reached and d.outcome is not None:
        after = apply_callback(before, d.job_id, d.outcome)
    if after.status == before.status:
        touch(ticket)  # history only
        return
    ticket.callback_outcome, ticket.callback_score = d.outcome, d.score
    if after.status == "closed":
        await end_ticket(
            uow, ticket, "closed", "satisfied", note=_summary(event), actor=event.source
        )
        return
    if d.outcome in NOT_FIXED:
        job = (await TicketRepository(uow.session).jobs(ticket.id)).get(d.job_id)
        if job is not None:
            job.failed = True  # a failed repair of its cause (三包 counts them)
    await _reopen(uow, ticket, event, previous_point_id=ticket.point_id, next_step="a rework job")


async def _reopen(
    uow: UnitOfWork,
    ticket: TicketRow,
    event: Envelope[Any],
    *,
    previous_point_id: Any,
    next_step: str,
) -> None:
    """An unhappy callback: the ticket is reopened and dispatch sends the next visit."""
    d = event.data
    await change_status(uow, ticket, "reopened", reason=_summary(event), actor=event.source)
    ticket.reopen_count += 1
    TicketRepository(uow.session).record(
        ticket.id,
        ticket.updated_at,
        intake.TicketReopened.SUBJECT,
        f"Reopened after the callback ({d.outcome}); {next_step} is needed.",
        actor=event.source,
        reason=d.outcome,
        previous_job_id=str(d.job_id) if d.job_id else None,
    )
    await uow.session.flush()
    await emit(
        uow,
        ticket,
        intake.TicketReopened(
            ticket_id=ticket.id,
            reason=d.outcome,
            callback_id=d.callback_id,
            previous_job_id=d.job_id,
            previous_point_id=previous_point_id,
            reopen_count=ticket.reopen_count,
            reopened_at=ticket.updated_at,
        ),
    )


async def on_history_only(uow: UnitOfWork, event: Envelope[Any]) -> None:
    ticket = await ticket_for_event(uow, event)
    if ticket is not None:
        touch(ticket)


async def on_complaint_opened(uow: UnitOfWork, event: Envelope[feedback.ComplaintOpened]) -> None:
    """A complaint ticket's own complaint: linked both ways (the complaint names the ticket)."""
    ticket = await ticket_for_event(uow, event)
    if ticket is None:
        return
    if ticket.kind == "complaint" and ticket.complaint_id is None:
        ticket.complaint_id = event.data.complaint_id
    touch(ticket)


async def on_complaint_resolved(
    uow: UnitOfWork, event: Envelope[feedback.ComplaintResolved]
) -> None:
    """Resolving a complaint ticket's complaint ends the ticket: the centre settled it."""
    ticket = await ticket_for_event(uow, event)
    if ticket is None:
        return
    d = event.data
    if (
        ticket.kind != "complaint"
        or ticket.status in FINAL
        or ticket.complaint_id != d.complaint_id
    ):
        touch(ticket)
        return
    await end_ticket(
        uow, ticket, "closed", "resolved_remotely", note=_summary(event), actor=event.source
    )


async def on_unreachable(uow: UnitOfWork, event: Envelope[feedback.CallbackUnreachable]) -> None:
    """Every callback attempt failed: the request still ends, as ``unreachable``."""
    ticket = await ticket_for_event(uow, event)
    if ticket is None:
        return
    if event.data.job_id is None:  # after a phone solution
        if ticket.status == "resolved_remotely" and ticket.closure_reason is None:
            await end_ticket(
                uow, ticket, "closed", "unreachable", note=_summary(event), actor=event.source
            )
        else:
            touch(ticket)
        return
    if not await _known_job(uow, ticket, event.data.job_id):
        await _keep_for_later(uow, ticket, event)  # it overtook its job's events
        touch(ticket)
        return
    await _apply_unreachable(uow, ticket, event)


async def _apply_unreachable(uow: UnitOfWork, ticket: TicketRow, event: Envelope[Any]) -> None:
    if ticket.status in FINAL or ticket.current_job_id != event.data.job_id:
        touch(ticket)  # an older job's callback, or the ticket ended otherwise: history only
        return
    await end_ticket(uow, ticket, "closed", "unreachable", note=_summary(event), actor=event.source)


async def _apply_remote_callback(
    uow: UnitOfWork, ticket: TicketRow, event: Envelope[feedback.CallbackRecorded]
) -> None:
    """The callback after a phone solution: satisfied ends the ticket; any other outcome
    reopens it, and dispatch sends a first visit."""
    d = event.data
    awaiting = ticket.status == "resolved_remotely" and ticket.closure_reason is None
    if not awaiting or not d.reached or d.outcome is None:
        touch(ticket)  # history only
        return
    ticket.callback_outcome, ticket.callback_score = d.outcome, d.score
    if d.outcome == "satisfied":
        await end_ticket(
            uow, ticket, "closed", "resolved_remotely", note=_summary(event), actor=event.source
        )
        return
    await _reopen(uow, ticket, event, previous_point_id=None, next_step="a first visit")


async def on_sla_breached(uow: UnitOfWork, event: Envelope[dispatch.SlaBreached]) -> None:
    """Dispatch's answer clock (booking the visit) ran out: it shows on the ticket too."""
    ticket = await ticket_for_event(uow, event)
    if ticket is None:
        return
    if event.data.sla == "respond" and ticket.response_breached_at is None:
        ticket.response_breached_at = event.data.breached_at
    touch(ticket)


async def on_complaint_replied(uow: UnitOfWork, event: Envelope[feedback.ComplaintReplied]) -> None:
    """A complaint ticket is answered by its complaint's reply (feedback's clock)."""
    ticket = await ticket_for_event(uow, event)
    if ticket is None:
        return
    if ticket.respond_clock == "feedback" and ticket.responded_at is None:
        ticket.responded_at = event.data.replied_at
    touch(ticket)


async def on_complaint_overdue(uow: UnitOfWork, event: Envelope[feedback.ComplaintOverdue]) -> None:
    ticket = await ticket_for_event(uow, event)
    if ticket is None:
        return
    late_reply = event.data.deadline == "reply" and ticket.respond_clock == "feedback"
    if late_reply and ticket.response_breached_at is None:
        ticket.response_breached_at = event.data.noticed_at
    touch(ticket)
