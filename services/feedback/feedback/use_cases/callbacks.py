"""Callbacks: one per completed job, due within 48 hours; the outcome closes or reopens the
ticket (intake hears ``feedback.callback.recorded.v1``)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from aftersales.events import Envelope, EventData, dispatch, feedback, intake
from aftersales.unit_of_work import UnitOfWork
from feedback.adapters.repositories.callbacks import CallbackRepository
from feedback.adapters.repositories.parties import PartyRepository
from feedback.adapters.repositories.scope import Scope
from feedback.adapters.tables import CallbackAttemptRow, CallbackRow
from feedback.domain.callbacks import check_open, check_result, due_at, gives_up
from feedback.use_cases.complaints import NewComplaint, open_complaint
from feedback.use_cases.policy import FeedbackPolicy, month_of


async def on_job_completed(
    uow: UnitOfWork, event: Envelope[dispatch.JobCompleted], *, policy: FeedbackPolicy
) -> None:
    """One callback per job; the point and technician who did it served the ticket."""
    d = event.data
    now = uow.now()
    parties = PartyRepository(uow.session)
    await parties.record(d.ticket_id, "point", d.point_id, "served", d.completed_at)
    await parties.record(d.ticket_id, "technician", d.technician_id, "served", d.completed_at)
    await CallbackRepository(uow.session).create(
        {
            "id": uuid.uuid4(),
            "job_id": d.job_id,
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
            "month": month_of(d.completed_at, policy),
            "due_at": due_at(d.completed_at, policy.callback_within),
            "status": "due",
            "attempts": 0,
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
        reached=cmd.reached, outcome=cmd.outcome, score=cmd.score, visit_number=cb.visit_number
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
            ),
        )
    if cmd.reached and cmd.outcome == "complaint":
        await open_complaint(
            uow,
            NewComplaint(
                ticket_id=cb.ticket_id,
                text=cmd.comment or "complaint made on the callback",
                technician_id=cb.technician_id,
                point_id=cb.point_id,
            ),
            source="callback",
            actor=actor,
            tenant_id=None,
            callback_id=cb.id,
            policy=policy,
        )
    return cb


def _publish_recorded(uow: UnitOfWork, cb: CallbackRow, *, reached: bool, now: datetime) -> None:
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
        ),
    )


def _publish(uow: UnitOfWork, cb: CallbackRow, data: EventData) -> None:
    uow.publish(data, aggregate_id=cb.id, aggregate_version=cb.version)


async def on_ticket_closed(uow: UnitOfWork, event: Envelope[intake.TicketClosed]) -> None:
    """A refunded or replaced product's request is settled by the remedy: its callbacks still
    due are withdrawn, so no callback loop starts again."""
    d = event.data
    if d.closure_reason not in ("refunded", "replaced"):
        return
    now = uow.now()
    for cb in await CallbackRepository(uow.session).due_of_ticket(d.ticket_id):
        cb.status = "withdrawn"
        cb.comment = f"withdrawn: the ticket closed as {d.closure_reason}"
        cb.version += 1
        cb.updated_at = now


async def on_callback_requested(
    uow: UnitOfWork, event: Envelope[intake.TicketCallbackRequested], *, policy: FeedbackPolicy
) -> None:
    """A request solved on the phone is called back too: a callback with no job, once."""
    d = event.data
    now = uow.now()
    await CallbackRepository(uow.session).create(
        {
            "id": uuid.uuid4(),
            "job_id": None,
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
