"""Callbacks: one per completed job, due within 48 hours, and one for each request intake asks
for with no visit (solved on the phone, a resolved complaint, a refund, a replacement); the
outcome closes or reopens the ticket (intake hears ``feedback.callback.recorded.v2``), a bad
attitude or a complaint opens a complaint for checking, a customer who says no one came opens a
quality complaint, and an unsatisfied customer reopens a resolved complaint. A share of each
point's jobs is drawn for audit: their callback must ask whether someone came."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from aftersales.events import Envelope, EventData, dispatch, feedback, intake
from aftersales.unit_of_work import UnitOfWork
from feedback.adapters.repositories.callbacks import CallbackRepository
from feedback.adapters.repositories.parties import PartyRepository
from feedback.adapters.repositories.scope import Scope
from feedback.adapters.repositories.staff import StaffRepository
from feedback.adapters.tables import CallbackAttemptRow, CallbackRow
from feedback.domain.audit_sample import drawn_for_audit
from feedback.domain.callbacks import (
    check_open,
    check_result,
    complaint_text,
    due_at,
    gives_up,
    opens_complaint,
    reopens_complaint,
)
from feedback.use_cases.complaints import NewComplaint, open_complaint
from feedback.use_cases.policy import FeedbackPolicy, month_of
from feedback.use_cases.satisfaction import complaint_to_call_back, reopen


async def on_job_completed(
    uow: UnitOfWork, event: Envelope[dispatch.JobCompleted], *, policy: FeedbackPolicy
) -> None:
    """One callback per job; the point and technician who did it served the ticket. The job is
    drawn for the audit sample when it is the point's first of the month or its draw falls
    below the share (a copy of the event makes nothing, so the draw stands)."""
    d = event.data
    now = uow.now()
    month = month_of(d.completed_at, policy)
    callbacks = CallbackRepository(uow.session)
    first = not await callbacks.has_job(d.point_id, month)
    parties = PartyRepository(uow.session)
    await parties.record(d.ticket_id, "point", d.point_id, "served", d.completed_at)
    await parties.record(d.ticket_id, "technician", d.technician_id, "served", d.completed_at)
    await StaffRepository(uow.session).project_technician(
        d.technician_id, d.point_id, d.completed_at
    )
    await callbacks.create(
        {
            "id": uuid.uuid4(),
            "job_id": d.job_id,
            "reason": "job",
            "ticket_id": d.ticket_id,
            "point_id": d.point_id,
            "technician_id": d.technician_id,
            "visit_number": d.visit_number,
            "resolution": d.resolution,
            "labor_minutes": d.labor_minutes,
            "travel_km": d.travel_km,
            "parts": [p.model_dump() for p in d.parts],
            "arrived_late_minutes": d.arrived_late_minutes,
            "completed_at": d.completed_at,
            "model": d.model,
            "serial_no": d.serial_no,
            "report_outcome": d.outcome,
            "symptom_code": d.symptom_code,
            "cause_code": d.cause_code,
            "action_code": d.action_code,
            "month": month,
            "due_at": due_at(d.completed_at, policy.callback_within),
            "status": "due",
            "attempts": 0,
            "audit": drawn_for_audit(d.job_id, policy.audit_share, first_of_month=first),
            "visit_confirmed": "not_asked",
            "version": 1,
            "created_at": now,
            "updated_at": now,
        }
    )


@dataclass(frozen=True)
class CallbackResult:
    reached: bool
    outcome: str | None = None
    score: int | None = None
    comment: str | None = None
    visit_confirmed: str = "not_asked"


async def record_result(
    uow: UnitOfWork,
    callback_id: uuid.UUID,
    cmd: CallbackResult,
    *,
    actor: str,
    scope: Scope,
    policy: FeedbackPolicy,
) -> CallbackRow:
    callbacks = CallbackRepository(uow.session)
    cb = await callbacks.get(callback_id, scope=scope, lock=True)
    check_open(cb.status)
    check_result(
        reached=cmd.reached,
        outcome=cmd.outcome,
        score=cmd.score,
        visit_number=cb.visit_number,
        reason=cb.reason,
        visit_confirmed=cmd.visit_confirmed,
        has_job=cb.job_id is not None,
        audit=cb.audit,
    )
    now = uow.now()
    callbacks.add_attempt(
        CallbackAttemptRow(
            callback_id=cb.id, reached=cmd.reached, note=cmd.comment, by=actor, at=now
        )
    )
    cb.attempts += 1
    cb.version += 1
    cb.updated_at = now
    if cmd.reached:
        cb.status, cb.reached, cb.outcome = "done", True, cmd.outcome
        cb.score, cb.comment = cmd.score, cmd.comment
        cb.recorded_by, cb.recorded_at = actor, now
        cb.visit_confirmed = cmd.visit_confirmed
    elif gives_up(cb.attempts, policy.callback_max_attempts):
        cb.status, cb.reached, cb.recorded_by, cb.recorded_at = "unreachable", False, actor, now
    _publish_recorded(uow, cb, reached=cmd.reached, now=now)
    if cb.status == "unreachable":
        _publish(
            uow,
            cb,
            feedback.CallbackUnreachable(
                callback_id=cb.id,
                ticket_id=cb.ticket_id,
                job_id=cb.job_id,
                point_id=cb.point_id,
                attempts=cb.attempts,
                given_up_at=now,
                reason=cb.reason,  # type: ignore[arg-type]
                complaint_id=cb.complaint_id,
            ),
        )
    if not cmd.reached:
        return cb
    category = opens_complaint(cmd.outcome, cb.reason, cmd.visit_confirmed)
    if category is not None:
        # For checking (查实): no one came is about quality, a bad attitude about conduct, a
        # complaint is categorised by the centre when it resolves it. Once per callback.
        await open_complaint(
            uow,
            NewComplaint(
                ticket_id=cb.ticket_id,
                text=complaint_text(cmd.outcome, cmd.visit_confirmed, cmd.comment),
                technician_id=cb.technician_id,
                point_id=cb.point_id,
                category=category,
            ),
            source="callback",
            actor=actor,
            tenant_id=None,
            callback_id=cb.id,
            policy=policy,
        )
    if reopens_complaint(cmd.outcome, cb.reason) and cb.complaint_id is not None:
        await reopen(uow, cb.complaint_id, policy=policy)
    return cb


def _publish_recorded(uow: UnitOfWork, cb: CallbackRow, *, reached: bool, now: datetime) -> None:
    confirmed = cb.visit_confirmed if reached else "not_asked"
    _publish(
        uow,
        cb,
        feedback.CallbackRecorded(
            callback_id=cb.id,
            ticket_id=cb.ticket_id,
            job_id=cb.job_id,
            point_id=cb.point_id,
            technician_id=cb.technician_id,
            reached=reached,
            outcome=cb.outcome if reached else None,  # type: ignore[arg-type]
            score=cb.score if reached else None,
            recorded_at=now,
            reason=cb.reason,  # type: ignore[arg-type]
            complaint_id=cb.complaint_id,
            visit_confirmed=confirmed,  # type: ignore[arg-type]
            audit=cb.audit,
        ),
    )


def _publish(uow: UnitOfWork, cb: CallbackRow, data: EventData) -> None:
    uow.publish(data, aggregate_id=cb.id, aggregate_version=cb.version)


async def on_ticket_closed(uow: UnitOfWork, event: Envelope[intake.TicketClosed]) -> None:
    """A refunded or replaced product's request is settled by the remedy: its callbacks still
    due are withdrawn, so no callback loop starts again (the call about the refund or the
    replacement itself stays)."""
    d = event.data
    if d.closure_reason not in ("refunded", "replaced"):
        return
    now = uow.now()
    due = await CallbackRepository(uow.session).due_of_ticket(
        d.ticket_id, except_reasons=("refunded", "replaced")
    )
    for cb in due:
        cb.status = "withdrawn"
        cb.comment = f"withdrawn: the ticket closed as {d.closure_reason}"
        cb.version += 1
        cb.updated_at = now


async def on_callback_requested(
    uow: UnitOfWork, event: Envelope[intake.TicketCallbackRequested], *, policy: FeedbackPolicy
) -> None:
    """Intake asks for a callback with no visit behind it, once per ticket and reason (a copy
    of the request makes nothing): a request solved on the phone; a refund or a replacement
    (its outcome is recorded, may open a complaint, and reopens nothing); a resolved
    complaint (its satisfaction call, once per resolution)."""
    d = event.data
    complaint_id, complaint_round = None, None
    if d.reason == "complaint_resolved":
        complaint = await complaint_to_call_back(uow, d.ticket_id, d.complaint_id)
        if complaint is None:
            return
        complaint_id, complaint_round = complaint.id, complaint.reopen_count
    now = uow.now()
    await CallbackRepository(uow.session).create(
        {
            "id": uuid.uuid4(),
            "job_id": None,
            "reason": str(d.reason),
            "complaint_id": complaint_id,
            "complaint_round": complaint_round,
            "ticket_id": d.ticket_id,
            "point_id": None,
            "technician_id": None,
            "visit_number": 0,
            "resolution": "remote",
            "labor_minutes": 0,
            "travel_km": 0,
            "parts": [],
            "arrived_late_minutes": 0,
            "completed_at": d.requested_at,
            "month": month_of(d.requested_at, policy),
            "due_at": due_at(d.requested_at, policy.callback_within),
            "status": "due",
            "attempts": 0,
            "version": 1,
            "created_at": now,
            "updated_at": now,
        }
    )
