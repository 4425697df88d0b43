"""A job done after a callback found the same point's earlier work unfixed is its rework:
the point is not paid for it a second time."""

from __future__ import annotations

import uuid
from datetime import datetime

from aftersales.unit_of_work import UnitOfWork
from billing.adapters.repositories.facts import FactsRepository
from billing.adapters.tables.facts import CompletedJobRow

UNFIXED_OUTCOMES = frozenset({"not_fixed_first_visit", "not_fixed_repeat", "complaint"})


async def unpaid_rework(
    uow: UnitOfWork, job: CompletedJobRow, completed_at: datetime | None = None
) -> str | None:
    """A job done after a callback found the same point's earlier work on the ticket unfixed
    (or complained of) is its rework: the point is not paid for it a second time."""
    return await rework_at(uow, job.ticket_id, job.point_id, completed_at or job.completed_at)


async def rework_at(
    uow: UnitOfWork, ticket_id: uuid.UUID, point_id: uuid.UUID, completed_at: datetime
) -> str | None:
    found = await FactsRepository(uow.session).unfixed_callback_before(
        ticket_id, point_id, completed_at, UNFIXED_OUTCOMES
    )
    return rework_reason(found.outcome, found.recorded_at) if found else None


def rework_reason(outcome: str | None, recorded_at: datetime) -> str:
    return (
        f"rework of the point's own job: the callback of {recorded_at:%Y-%m-%d} "
        f"recorded {outcome}; the work is not paid again"
    )
