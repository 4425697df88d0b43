"""The supervisor's board: the counts of the open tickets per status and per clock, and the
filters and order ``GET /v1/tickets`` shares with them (``intake.domain.board``)."""

from __future__ import annotations

import uuid
from typing import Annotated, Literal

from fastapi import APIRouter, Query

from aftersales.auth import Principal
from aftersales.board import region_of
from aftersales.http.board import Region, by_next_due
from aftersales.http.deps import DatabaseDep
from intake.adapters.repositories import TicketFilter, TicketRepository
from intake.api.schemas.board import TicketCounts
from intake.api.scope import Staff, tenant_of
from intake.domain.clocks import ENDED
from intake.domain.tickets import TicketKind

__all__ = ["Region"]

# Mounted before the tickets' router: ``/v1/tickets/counts`` is not a ticket's id.
router = APIRouter(prefix="/v1/tickets", tags=["tickets"])

PointId = Annotated[
    uuid.UUID | None,
    Query(
        description="the network point the ticket's current job is with (offered to it, "
        "accepted, booked or done by it)"
    ),
]
TicketSort = Annotated[
    Literal["updated_at", "next_due"],
    Query(
        description="updated_at (the default): by the last change. next_due: the open tickets "
        "by the due time of their next clock (`next_clock`), then id; those with none last"
    ),
]


def check_sort(sort: str, *, status: str | None, since: str | None) -> bool:
    """Whether the list is in the order of the next due time; it lists open tickets only, and
    is not a sync (a sync follows the commit order)."""
    return by_next_due(sort, status=status, since=since, ended=ENDED, noun="ticket")


@router.get("/counts", response_model=TicketCounts)
async def ticket_counts(
    db: DatabaseDep,
    region: Region = None,
    point_id: PointId = None,
    kind: TicketKind | None = None,
    principal: Principal = Staff,
) -> TicketCounts:
    """The open tickets (not ended) per status, and per clock bucket: every one in exactly
    one of answer_due, arrival_due, completion_due (its next clock runs, not yet due),
    breached (its next clock's due time has passed), paused, no_clock; filtered by the site's
    `region`, the `point_id` its job is with, and `kind`. A CRM counts its own tenant's."""
    where = TicketFilter(
        tenant=tenant_of(principal),
        kind=kind,
        region=region_of(region),
        point_id=point_id,
    )
    async with db.uow() as uow:
        now = uow.now()
        counted = await TicketRepository(uow.session).counts(where, now)
    return TicketCounts.model_validate({**counted, "as_of": now})
