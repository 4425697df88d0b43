"""Complaints with their deadlines, whom they name (a point, a technician, any staff member of
the register), and the strike a substantiated conduct complaint brings (``discipline``)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from aftersales.database import Database
from aftersales.errors import NotFound, Unprocessable
from aftersales.events import feedback
from aftersales.unit_of_work import UnitOfWork
from feedback.adapters.repositories.callbacks import CallbackRepository
from feedback.adapters.repositories.complaints import ComplaintRepository
from feedback.adapters.repositories.contacts import ContactRepository
from feedback.adapters.repositories.gradings import GradingRepository
from feedback.adapters.repositories.parties import PartyRepository
from feedback.adapters.repositories.scope import Scope
from feedback.adapters.repositories.staff import StaffRepository
from feedback.adapters.tables import ComplaintRow
from feedback.domain.complaints import (
    Attributor,
    Person,
    check_attribution,
    check_can_reply,
    check_can_resolve,
    deadlines,
    is_strike,
    person_named,
)
from feedback.domain.months import next_month
from feedback.use_cases.discipline import strike
from feedback.use_cases.policy import FeedbackPolicy, month_of
from feedback.use_cases.receptions import fine_host, host_named


@dataclass(frozen=True)
class NewComplaint:
    ticket_id: uuid.UUID
    text: str
    technician_id: uuid.UUID | None = None
    point_id: uuid.UUID | None = None
    attribution_reason: str | None = None
    category: str = "conduct"
    staff_id: uuid.UUID | None = None
    # A complaint about a reception (clause 7): it names the reception's host.
    reception_id: uuid.UUID | None = None


def _named(
    point_id: uuid.UUID | None, technician_id: uuid.UUID | None
) -> list[tuple[str, uuid.UUID]]:
    return [
        (kind, party)
        for kind, party in (("point", point_id), ("technician", technician_id))
        if party is not None
    ]


async def _check_attribution(
    uow: UnitOfWork,
    ticket_id: uuid.UUID,
    named: list[tuple[str, uuid.UUID]],
    *,
    reason: str | None,
    by: Attributor,
) -> bool:
    """Refuse naming someone who did not serve the ticket (see ``check_attribution``); True
    when someone outside the ticket is named, with the centre's reason."""
    strangers = await PartyRepository(uow.session).strangers(ticket_id, named)
    check_attribution(strangers, ticket_id=ticket_id, reason=reason, by=by)
    return bool(strangers)


async def _person(
    uow: UnitOfWork,
    *,
    staff_id: uuid.UUID | None,
    technician_id: uuid.UUID | None,
    by: Attributor,
) -> Person:
    """Whom the complaint names, checked against the staff register (422 for a stranger)."""
    role = None
    if staff_id is not None:
        member = await StaffRepository(uow.session).get(staff_id)
        role = member.role if member is not None else None
    return person_named(staff_id=staff_id, technician_id=technician_id, registered_role=role, by=by)


async def open_complaint(
    uow: UnitOfWork,
    cmd: NewComplaint,
    *,
    source: str,
    actor: str,
    tenant_id: str | None,
    policy: FeedbackPolicy,
    callback_id: uuid.UUID | None = None,
    by: Attributor = "feedback",
) -> ComplaintRow:
    """Open a complaint about whom ``cmd`` names (``by`` decides whom it may name: a point or
    technician who served the ticket, or a staff member of the register), or the ticket's
    latest visit, with its reply and resolve deadlines from now. A callback opens one
    complaint at most: asked again, the one it opened is returned."""
    complaints = ComplaintRepository(uow.session)
    if callback_id is not None:
        opened = await complaints.of_callback(callback_id)
        if opened is not None:
            return opened
    contact = await ContactRepository(uow.session).get(cmd.ticket_id)
    if tenant_id is not None and (contact is None or contact.tenant_id != tenant_id):
        raise NotFound(f"Ticket {cmd.ticket_id} does not exist.")
    staff_id = cmd.staff_id
    if cmd.reception_id is not None:
        staff_id = await host_named(
            uow,
            cmd.reception_id,
            ticket_id=cmd.ticket_id,
            staff_id=cmd.staff_id,
            technician_id=cmd.technician_id,
        )
    person = await _person(uow, staff_id=staff_id, technician_id=cmd.technician_id, by=by)
    point_id, technician_id = cmd.point_id, person.technician_id
    await _check_attribution(
        uow,
        cmd.ticket_id,
        _named(point_id, technician_id),
        reason=cmd.attribution_reason,
        by=by,
    )
    if point_id is None and person.staff_id is None:
        # Against whoever did the ticket's latest visit, when feedback knows of one.
        latest = await CallbackRepository(uow.session).latest_of_ticket(cmd.ticket_id)
        if latest is not None:
            point_id, technician_id = latest.point_id, latest.technician_id
            person = Person(technician_id, technician_id, "technician" if technician_id else None)
    now = uow.now()
    due = deadlines(now, reply_within=policy.reply_within, resolve_within=policy.resolve_within)
    row = ComplaintRow(
        id=uuid.uuid4(),
        ticket_id=cmd.ticket_id,
        point_id=point_id,
        technician_id=technician_id,
        staff_id=person.staff_id,
        category=cmd.category,
        callback_id=callback_id,
        source=source,
        tenant_id=contact.tenant_id if contact else tenant_id,
        text=cmd.text,
        attribution_reason=cmd.attribution_reason,
        reception_id=cmd.reception_id,
        status="open",
        opened_by=actor,
        opened_at=now,
        month=month_of(now, policy),
        reply_by=due.reply_by,
        resolve_by=due.resolve_by,
        reopen_count=0,
        replies_late_before=0,
        resolutions_late_before=0,
        version=1,
        updated_at=now,
    )
    complaints.add(row)
    await uow.session.flush()
    uow.publish(
        feedback.ComplaintOpened(
            complaint_id=row.id,
            ticket_id=row.ticket_id,
            point_id=point_id,
            technician_id=technician_id,
            reply_by=row.reply_by,
            resolve_by=row.resolve_by,
            opened_at=now,
            category=row.category,  # type: ignore[arg-type]
            staff_id=row.staff_id,
            callback_id=callback_id,
        ),
        aggregate_id=row.id,
        aggregate_version=row.version,
    )
    return row


async def reply(
    uow: UnitOfWork, complaint_id: uuid.UUID, text: str, *, scope: Scope
) -> ComplaintRow:
    row = await ComplaintRepository(uow.session).get(complaint_id, scope=scope, lock=True)
    check_can_reply(row.status)
    now = uow.now()
    row.status, row.reply, row.replied_at = "replied", text, now
    row.version += 1
    row.updated_at = now
    _publish_replied(uow, row)
    return row


def _publish_replied(uow: UnitOfWork, row: ComplaintRow) -> None:
    assert row.replied_at is not None
    uow.publish(
        feedback.ComplaintReplied(
            complaint_id=row.id,
            ticket_id=row.ticket_id,
            replied_at=row.replied_at,
            in_time=row.replied_at <= row.reply_by,
        ),
        aggregate_id=row.id,
        aggregate_version=row.version,
    )


@dataclass(frozen=True)
class Resolution:
    substantiated: bool
    resolution: str
    technician_id: uuid.UUID | None = None
    point_id: uuid.UUID | None = None
    attribution_reason: str | None = None
    staff_id: uuid.UUID | None = None
    category: str | None = None  # None: as opened


async def resolve(
    uow: UnitOfWork,
    complaint_id: uuid.UUID,
    cmd: Resolution,
    *,
    scope: Scope,
    policy: FeedbackPolicy,
) -> ComplaintRow:
    """Resolve (the centre, having checked it): a substantiated complaint counts on the
    scorecards of its month, or of the next month not yet graded; a substantiated ``conduct``
    complaint is a strike on the staff member named (1st warning, 2nd penalty, 3rd dismissal),
    which dispatch and billing hear of. Moving the complaint to someone who did not serve the
    ticket needs a reason; naming a staff member not in the register is a 422."""
    complaints = ComplaintRepository(uow.session)
    row = await complaints.get(complaint_id, scope=scope, lock=True)
    check_can_resolve(row.status)
    now = uow.now()
    if cmd.staff_id is not None or cmd.technician_id is not None:
        person = await _person(
            uow, staff_id=cmd.staff_id, technician_id=cmd.technician_id, by="centre"
        )
    else:
        person = Person(row.staff_id, row.technician_id, None)
    moved = _named(
        cmd.point_id if cmd.point_id != row.point_id else None,
        person.technician_id if person.technician_id != row.technician_id else None,
    )
    await _check_attribution(uow, row.ticket_id, moved, reason=cmd.attribution_reason, by="centre")
    if cmd.attribution_reason is not None:
        row.attribution_reason = cmd.attribution_reason
    row.staff_id, row.technician_id = person.staff_id, person.technician_id
    row.point_id = cmd.point_id or row.point_id
    row.category = cmd.category or row.category
    if cmd.substantiated and row.staff_id is None and row.point_id is None:
        raise Unprocessable(
            "A substantiated complaint must say against which staff member, technician or point."
        )
    if cmd.substantiated and row.counted_month is None:
        row.counted_month = await _counted_month(uow, row.month, month_of(now, policy))
    row.status, row.resolution, row.substantiated, row.resolved_at = (
        "resolved",
        cmd.resolution,
        cmd.substantiated,
        now,
    )
    answered_now = row.replied_at is None
    if answered_now:
        row.replied_at = now  # resolving answers the customer too
    row.version += 1
    row.updated_at = now
    if answered_now:
        _publish_replied(uow, row)
    uow.publish(
        feedback.ComplaintResolved(
            complaint_id=row.id,
            ticket_id=row.ticket_id,
            point_id=row.point_id,
            technician_id=row.technician_id,
            substantiated=cmd.substantiated,
            resolution=cmd.resolution,
            resolved_at=now,
            category=row.category,  # type: ignore[arg-type]
            staff_id=row.staff_id,
        ),
        aggregate_id=row.id,
        aggregate_version=row.version,
    )
    if is_strike(substantiated=cmd.substantiated, category=row.category, staff_id=row.staff_id):
        await strike(uow, row, now, policy=policy)
    await fine_host(uow, row, now, policy=policy)
    return row


async def _counted_month(uow: UnitOfWork, month: str, this_month: str) -> str:
    """The complaint's own month, or the first month after it not graded yet: a grade once
    published is not lowered afterwards, the next one carries the complaint."""
    gradings = GradingRepository(uow.session)
    while True:
        await gradings.lock_for_counting(month)  # not while the month is being graded
        if month >= this_month or not await gradings.is_graded(month):
            return month
        month = next_month(month)


async def report_overdue(db: Database, *, limit: int = 100) -> int:
    """Publish ``feedback.complaint.overdue.v1`` once per missed deadline, as of the service's
    clock; returns how many. A deadline reported is marked so, and never reported again, even
    if the clock goes back and forth."""
    reported = 0
    seen: list[uuid.UUID] = []
    while len(seen) < limit:
        async with db.uow() as uow:
            now = uow.now()
            row = await ComplaintRepository(uow.session).next_overdue(now, seen)
            if row is None:
                break
            seen.append(row.id)
            for deadline, due, done, mark in (
                ("reply", row.reply_by, row.replied_at, "reply_overdue_at"),
                ("resolve", row.resolve_by, row.resolved_at, "resolve_overdue_at"),
            ):
                if done is None and due < now and getattr(row, mark) is None:
                    setattr(row, mark, now)
                    row.version += 1
                    uow.publish(
                        feedback.ComplaintOverdue(
                            complaint_id=row.id,
                            ticket_id=row.ticket_id,
                            point_id=row.point_id,
                            deadline=deadline,
                            due_at=due,
                            noticed_at=now,  # type: ignore[arg-type]
                        ),
                        aggregate_id=row.id,
                        aggregate_version=row.version,
                    )
                    reported += 1
            await uow.commit()
    return reported
