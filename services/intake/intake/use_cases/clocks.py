"""The information centre's answer, pauses, and the breach scanner (``intake.domain.clocks``)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from aftersales.database import Database
from aftersales.errors import Conflict, NotFound
from aftersales.events import Envelope, dispatch, intake
from aftersales.logging import get_logger
from aftersales.tasks import claim_due
from aftersales.unit_of_work import UnitOfWork
from intake.adapters.repositories import TicketRepository
from intake.adapters.tables import TicketRow
from intake.domain.clocks import (
    ENDED,
    WORK_DONE,
    PauseState,
    check_can_pause,
    check_can_respond,
    check_can_resume,
    resumed,
)
from intake.domain.samples import check_sample_arrived
from intake.use_cases.policy import TicketPolicy
from intake.use_cases.ticket_events import emit, seconds_between, touch
from intake.use_cases.tickets import locked_ticket, resolve_remotely

log = get_logger(__name__)

# Before the answer, the ticket is still waiting for it (dispatch's clock stops at booking).
AWAITING_ANSWER = frozenset({"open", "dispatched", "reopened"})


@dataclass(frozen=True)
class Respond:
    summary: str
    resolved: bool


async def respond(
    uow: UnitOfWork,
    ticket_id: uuid.UUID,
    cmd: Respond,
    *,
    tenant: str | None,
    actor: str,
    policy: TicketPolicy,
    expected_version: int | None = None,
) -> TicketRow:
    """The centre's answer to a ticket that needs no visit; ``resolved`` ends the ticket."""
    ticket = await locked_ticket(uow, ticket_id, tenant, expected_version)
    check_can_respond(ticket.kind, ticket.status, ticket.responded_at is not None)
    check_sample_arrived(ticket.kind, ticket.sample_received_at)
    now = touch(uow, ticket)
    due = ticket.respond_by
    if ticket.paused_at is not None:  # the clock stopped at the pause: due moves on with it
        due = resumed(due, ticket.paused_at, now) or due
    in_time = now <= due
    ticket.respond_by = due
    ticket.responded_at, ticket.response_summary = now, cmd.summary
    TicketRepository(uow.session).record(
        ticket.id,
        now,
        intake.TicketResponded.SUBJECT,
        f"Answered{' in time' if in_time else ' late'}: {cmd.summary}",
        actor=actor,
        resolved=cmd.resolved,
        in_time=in_time,
    )
    await uow.session.flush()
    await emit(
        uow,
        ticket,
        intake.TicketResponded(
            ticket_id=ticket.id,
            summary=cmd.summary,
            resolved=cmd.resolved,
            responded_at=now,
            in_time=in_time,
            kind=ticket.kind,
        ),
    )
    if cmd.resolved:
        return await resolve_remotely(
            uow, ticket.id, cmd.summary, tenant=tenant, actor=actor, policy=policy
        )
    return ticket


@dataclass(frozen=True)
class Pause:
    reason: str
    note: str | None = None
    origin: str = "ticket"


async def pause(
    uow: UnitOfWork,
    ticket_id: uuid.UUID,
    cmd: Pause,
    *,
    tenant: str | None,
    actor: str,
    expected_version: int | None = None,
) -> TicketRow:
    ticket = await locked_ticket(uow, ticket_id, tenant, expected_version)
    check_can_pause(PauseState(ticket.status, ticket.paused_at))
    now = touch(uow, ticket)
    ticket.paused_at, ticket.pause_reason, ticket.pause_note = now, cmd.reason, cmd.note
    ticket.paused_by = actor
    TicketRepository(uow.session).record(
        ticket.id,
        now,
        intake.TicketPaused.SUBJECT,
        f"Clocks paused ({cmd.reason})" + (f": {cmd.note}" if cmd.note else "."),
        actor=actor,
        reason=cmd.reason,
        origin=cmd.origin,
    )
    await uow.session.flush()
    await emit(
        uow,
        ticket,
        intake.TicketPaused(
            ticket_id=ticket.id,
            reason=cmd.reason,  # type: ignore[arg-type]
            note=cmd.note,
            paused_by=actor,
            paused_at=now,
            origin=cmd.origin,  # type: ignore[arg-type]
        ),
    )
    return ticket


async def resume(
    uow: UnitOfWork,
    ticket_id: uuid.UUID,
    *,
    tenant: str | None,
    actor: str,
    origin: str = "ticket",
    expected_version: int | None = None,
) -> TicketRow:
    """Every running clock continues where it stopped: its due time moves on by the pause."""
    ticket = await locked_ticket(uow, ticket_id, tenant, expected_version)
    check_can_resume(PauseState(ticket.status, ticket.paused_at, ticket.pause_reason))
    await resume_clocks(uow, ticket, at=uow.now(), actor=actor, origin=origin)
    return ticket


async def resume_clocks(
    uow: UnitOfWork,
    ticket: TicketRow,
    *,
    at: datetime,
    actor: str,
    origin: str = "ticket",
    why: str | None = None,
) -> None:
    """The paused ``ticket``'s clocks run again as of ``at`` (now, or when its sample arrived):
    each due time moves on by the time paused until then."""
    paused_at = ticket.paused_at
    assert paused_at is not None
    now = touch(uow, ticket)
    at = max(at, paused_at)
    if ticket.responded_at is None and ticket.status in AWAITING_ANSWER:
        ticket.respond_by = resumed(ticket.respond_by, paused_at, at) or ticket.respond_by
    if ticket.status not in WORK_DONE and ticket.checklist_done_at is None:
        ticket.complete_by = resumed(ticket.complete_by, paused_at, at)
    paused = seconds_between(paused_at, at)
    ticket.paused_seconds += paused
    ticket.paused_at = ticket.pause_reason = ticket.pause_note = ticket.paused_by = None
    TicketRepository(uow.session).record(
        ticket.id,
        now,
        intake.TicketResumed.SUBJECT,
        (why or "Clocks resumed") + f" after {paused // 60} min paused.",
        actor=actor,
        paused_seconds=paused,
        origin=origin,
    )
    await uow.session.flush()
    await emit(
        uow,
        ticket,
        intake.TicketResumed(
            ticket_id=ticket.id,
            paused_at=paused_at,
            resumed_at=at,
            paused_seconds=paused,
            resumed_by=actor,
            origin=origin,  # type: ignore[arg-type]
        ),
    )


async def fire_due_breaches(db: Database, *, limit: int = 100) -> int:
    """Publish each missed answer and deadline once: the ticket is marked in the same
    transaction as its event (``claim_due``: replicas share the work). "Missed" is as of the
    service's clock; a ticket marked once is never told again, however the clock moves."""
    now = db.clock.now()
    running: list[Any] = [TicketRow.paused_at.is_(None), TicketRow.status.not_in(ENDED)]
    response = select(TicketRow).where(
        TicketRow.respond_clock.in_(("intake", "billing")),
        TicketRow.responded_at.is_(None),
        TicketRow.response_breached_at.is_(None),
        TicketRow.respond_by < now,
        *running,
    )
    completion = select(TicketRow).where(
        TicketRow.complete_by.is_not(None),
        TicketRow.completion_breached_at.is_(None),
        TicketRow.complete_by < now,
        TicketRow.status.not_in(WORK_DONE),
        TicketRow.checklist_done_at.is_(None),  # a business duty's work is its checklist
        *running,
    )

    async def tell(
        uow: UnitOfWork, ticket: TicketRow, clock: str, data: Any, due: datetime
    ) -> None:
        TicketRepository(uow.session).record(
            ticket.id,
            now,
            data.SUBJECT,
            f"The {clock} deadline passed (due {due:%Y-%m-%d %H:%M} UTC).",
            due_at=due.isoformat(),
        )
        await emit(uow, ticket, data)

    async def unanswered(uow: UnitOfWork, ticket: TicketRow) -> None:
        touch(uow, ticket)
        ticket.response_breached_at = now
        data = intake.TicketResponseBreached(
            ticket_id=ticket.id, due_at=ticket.respond_by, breached_at=now
        )
        await tell(uow, ticket, "response", data, ticket.respond_by)

    async def unfinished(uow: UnitOfWork, ticket: TicketRow) -> None:
        touch(uow, ticket)
        ticket.completion_breached_at = now
        due = ticket.complete_by
        assert due is not None
        data = intake.TicketCompletionBreached(
            ticket_id=ticket.id, kind=ticket.kind, due_at=due, breached_at=now
        )
        await tell(uow, ticket, "completion", data, due)

    fired = await claim_due(db, response, unanswered, limit=limit, of=TicketRow)
    return fired + await claim_due(db, completion, unfinished, limit=limit, of=TicketRow)


async def on_job_paused(uow: UnitOfWork, event: Envelope[dispatch.JobPaused]) -> None:
    """A point paused its job: the ticket's clocks stop with it (unless stopped already)."""
    d = event.data
    try:
        await pause(
            uow, d.ticket_id, Pause(d.reason, d.note, origin="job"), tenant=None, actor=d.paused_by
        )
    except (Conflict, NotFound) as exc:
        log.info("clocks.job_pause_ignored", ticket_id=str(d.ticket_id), reason=str(exc))


async def on_job_resumed(uow: UnitOfWork, event: Envelope[dispatch.JobResumed]) -> None:
    d = event.data
    try:
        await resume(uow, d.ticket_id, tenant=None, actor=d.resumed_by, origin="job")
    except (Conflict, NotFound) as exc:
        log.info("clocks.job_resume_ignored", ticket_id=str(d.ticket_id), reason=str(exc))
