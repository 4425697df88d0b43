"""Every request ends satisfied (section 4.2.2): a complaint ticket whose complaint was resolved
gets a satisfaction call. Satisfied ends it (intake closes the ticket); any other outcome
reopens the complaint with fresh reply and resolve clocks, and its next resolution is called
back again. The deadlines missed before a reopening stay on the centre's record."""

from __future__ import annotations

import uuid

from aftersales.logging import get_logger
from aftersales.unit_of_work import UnitOfWork
from feedback.adapters.repositories.complaints import ComplaintRepository
from feedback.adapters.tables import ComplaintRow
from feedback.domain.complaints import deadlines
from feedback.use_cases.policy import FeedbackPolicy

log = get_logger(__name__)


async def complaint_to_call_back(
    uow: UnitOfWork, ticket_id: uuid.UUID, complaint_id: uuid.UUID | None
) -> ComplaintRow | None:
    """The resolved complaint a satisfaction call follows (the one named, or the ticket's
    latest resolved one); None when it is not resolved (any more): a request that arrives
    after the complaint was reopened asks for nothing, its next resolution will."""
    complaints = ComplaintRepository(uow.session)
    if complaint_id is not None:
        found = await complaints.find(complaint_id)
    else:
        found = await complaints.latest_resolved_of_ticket(ticket_id)
    if found is None or found.status != "resolved":
        log.info(
            "satisfaction_call.nothing_resolved",
            ticket_id=str(ticket_id),
            complaint_id=str(complaint_id),
        )
        return None
    return found


async def reopen(
    uow: UnitOfWork, complaint_id: uuid.UUID, *, policy: FeedbackPolicy
) -> ComplaintRow | None:
    """The customer is not satisfied with the complaint's resolution: it is open again, to be
    answered within 24 hours and resolved within a month from now. A strike it brought stays
    (and is not given twice); so do its finding and the month it counted in, until it is
    resolved again."""
    complaints = ComplaintRepository(uow.session)
    row = await complaints.get(complaint_id, lock=True)
    if row.status != "resolved":
        return None
    now = uow.now()
    due = deadlines(now, reply_within=policy.reply_within, resolve_within=policy.resolve_within)
    row.replies_late_before += int(row.reply_overdue_at is not None)
    row.resolutions_late_before += int(row.resolve_overdue_at is not None)
    row.reply_overdue_at = row.resolve_overdue_at = None
    row.status = "open"
    row.reply = row.replied_at = None
    row.resolution = row.resolved_at = None
    # The earlier finding stands until the centre resolves it again: it keeps counting, in
    # the month it counted in, for grades and rewards.
    row.reply_by, row.resolve_by = due.reply_by, due.resolve_by
    row.reopen_count += 1
    row.reopened_at = now
    row.version += 1
    row.updated_at = now
    return row
