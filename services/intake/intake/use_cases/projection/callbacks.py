"""The callback after the work (feedback's reports): satisfied closes the ticket, anything else
reopens it; an unreachable customer's ticket ends ``unreachable``. A callback that overtook its
job's events waits on the job until they arrive.

Callbacks with no job follow what intake asked for (``callback_reason``): a phone solution (as
above, a visit if not satisfied), a resolved complaint (satisfied closes the ticket, anything else
leaves it open while feedback reopens the complaint), a refund or replacement (the outcome is
recorded on the ended ticket; nothing reopens it)."""

from __future__ import annotations

from typing import Any

from aftersales.events import Envelope, feedback, intake
from aftersales.logging import get_logger
from aftersales.unit_of_work import UnitOfWork
from intake.adapters.repositories import TicketRepository
from intake.adapters.tables import TicketJobRow, TicketRow
from intake.domain.lifecycle import FINAL, TicketState, apply_callback
from intake.use_cases.projection.complaints import COMPLAINT_CALLBACK
from intake.use_cases.projection.timeline import summary, ticket_for_event
from intake.use_cases.ticket_events import (
    REMEDY_CALLBACKS,
    change_status,
    emit,
    end_ticket,
    touch,
)

log = get_logger(__name__)


NOT_FIXED = frozenset({"not_fixed_first_visit", "not_fixed_repeat"})
CALLBACK_REASONS = frozenset({"resolved_remotely", COMPLAINT_CALLBACK, *REMEDY_CALLBACKS})


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
        touch(uow, ticket)
        return
    await settle_callback(uow, ticket, event)


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


async def settle_callback(uow: UnitOfWork, ticket: TicketRow, event: Envelope[Any]) -> None:
    d = event.data
    before = TicketState(ticket.status, ticket.current_job_id)
    after = before
    if d.reached and d.outcome is not None:
        after = apply_callback(before, d.job_id, d.outcome)
    if after.status == before.status:
        touch(uow, ticket)  # history only
        return
    ticket.callback_outcome, ticket.callback_score = d.outcome, d.score
    if after.status == "closed":
        await end_ticket(
            uow, ticket, "closed", "satisfied", note=summary(event), actor=event.source
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
    await change_status(uow, ticket, "reopened", reason=summary(event), actor=event.source)
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


async def on_unreachable(uow: UnitOfWork, event: Envelope[feedback.CallbackUnreachable]) -> None:
    """Every callback attempt failed: the request still ends, as ``unreachable``."""
    ticket = await ticket_for_event(uow, event)
    if ticket is None:
        return
    if event.data.job_id is None:  # after a phone solution, or a complaint's resolution
        complaint = _why(ticket, event.data) == COMPLAINT_CALLBACK
        if (complaint and _awaits_complaint_callback(ticket)) or (
            ticket.status == "resolved_remotely" and ticket.closure_reason is None
        ):
            await end_ticket(
                uow, ticket, "closed", "unreachable", note=summary(event), actor=event.source
            )
        else:
            touch(uow, ticket)
        return
    if not await _known_job(uow, ticket, event.data.job_id):
        await _keep_for_later(uow, ticket, event)  # it overtook its job's events
        touch(uow, ticket)
        return
    await settle_unreachable(uow, ticket, event)


async def settle_unreachable(uow: UnitOfWork, ticket: TicketRow, event: Envelope[Any]) -> None:
    if ticket.status in FINAL or ticket.current_job_id != event.data.job_id:
        touch(uow, ticket)  # an older job's callback, or the ticket ended otherwise: history only
        return
    await end_ticket(uow, ticket, "closed", "unreachable", note=summary(event), actor=event.source)


async def _apply_remote_callback(
    uow: UnitOfWork, ticket: TicketRow, event: Envelope[feedback.CallbackRecorded]
) -> None:
    """The callback after a phone solution: satisfied ends the ticket; any other outcome
    reopens it, and dispatch sends a first visit. After a remedy or a complaint's resolution:
    see the module's docstring."""
    d = event.data
    why = _why(ticket, d)
    if why in REMEDY_CALLBACKS:
        if d.reached and d.outcome is not None:  # recorded; the ticket stays as it ended
            ticket.callback_outcome, ticket.callback_score = d.outcome, d.score
        touch(uow, ticket)
        return
    if why == COMPLAINT_CALLBACK and _awaits_complaint_callback(ticket):
        await _settle_complaint_callback(uow, ticket, event)
        return
    awaiting = ticket.status == "resolved_remotely" and ticket.closure_reason is None
    if not awaiting or not d.reached or d.outcome is None:
        touch(uow, ticket)  # history only
        return
    ticket.callback_outcome, ticket.callback_score = d.outcome, d.score
    if d.outcome == "satisfied":
        await end_ticket(
            uow, ticket, "closed", "resolved_remotely", note=summary(event), actor=event.source
        )
        return
    await _reopen(uow, ticket, event, previous_point_id=None, next_step="a first visit")


def _why(ticket: TicketRow, d: Any) -> str | None:
    """Why a callback with no job was made: as feedback says (its ``reason``), else as intake
    last asked (a producer from before the field)."""
    said = d.reason
    if said is not None and str(said) in CALLBACK_REASONS:
        return str(said)
    return ticket.callback_reason


def _awaits_complaint_callback(ticket: TicketRow) -> bool:
    return (
        ticket.kind == "complaint"
        and ticket.callback_reason == COMPLAINT_CALLBACK
        and ticket.status not in FINAL
    )


async def _settle_complaint_callback(
    uow: UnitOfWork, ticket: TicketRow, event: Envelope[feedback.CallbackRecorded]
) -> None:
    """Satisfied: the complaint ticket ends (``satisfied``). Any other outcome is recorded and
    the ticket stays open: feedback reopens the complaint, and its next resolution asks again."""
    d = event.data
    if not d.reached or d.outcome is None:
        touch(uow, ticket)  # history only
        return
    ticket.callback_outcome, ticket.callback_score = d.outcome, d.score
    if d.outcome == "satisfied":
        await end_ticket(
            uow, ticket, "closed", "satisfied", note=summary(event), actor=event.source
        )
        return
    touch(uow, ticket)  # the timeline has the callback; the ticket waits for the next one
