"""The board: the counts of the open jobs per status and per clock, and the filters and order
``GET /v1/jobs`` shares with them (``dispatch.domain.board``)."""

from __future__ import annotations

import uuid
from typing import Annotated, Literal

from fastapi import APIRouter, Query

from aftersales.auth import Principal
from aftersales.board import region_of
from aftersales.http.board import Region, by_next_due
from aftersales.http.deps import DatabaseDep
from dispatch.adapters.repositories.jobs import JobFilter, JobRepository
from dispatch.api.schemas.board import JobCounts
from dispatch.api.scope import CentreOrPoint, scope_of
from dispatch.domain.jobs import FINAL

__all__ = ["Region", "region_of"]

# Mounted before the jobs' router: ``/v1/jobs/counts`` is not a job's id.
router = APIRouter(prefix="/v1/jobs", tags=["jobs"])

Kind = Annotated[
    str | None,
    Query(pattern=r"^[a-z_]{1,20}$", description="the ticket's kind (repair, install, ...)"),
]
JobSort = Annotated[
    Literal["updated_at", "next_due"],
    Query(
        description="updated_at (the default): by the last change. next_due: the open jobs by "
        "the due time of their next clock (`next_clock`), then id; those with none last"
    ),
]


def check_sort(sort: str, *, status: str | None, since: str | None) -> bool:
    """Whether the list is in the order of the next due time; it lists open jobs only, and is
    not a sync (a sync follows the commit order)."""
    return by_next_due(sort, status=status, since=since, ended=FINAL, noun="job")


@router.get("/counts", response_model=JobCounts)
async def job_counts(
    db: DatabaseDep,
    region: Region = None,
    point_id: uuid.UUID | None = None,
    kind: Kind = None,
    principal: Principal = CentreOrPoint,
) -> JobCounts:
    """The open jobs (not completed or cancelled) per status, those offered and not accepted,
    the unrouted, and per clock bucket: every one in exactly one of accept_due, respond_due,
    arrival_due, completion_due (its next clock runs, not yet due), breached, paused,
    no_clock; filtered by the site's `region`, `point_id` and the ticket's `kind`. A point
    counts only its own jobs."""
    where = JobFilter(
        scope=scope_of(principal), point_id=point_id, region=region_of(region), kind=kind
    )
    async with db.uow() as uow:
        now = uow.now()
        counted = await JobRepository(uow.session).counts(where, now)
    by_status = counted["by_status"]
    return JobCounts.model_validate(
        {
            **counted,
            "offered_not_accepted": by_status["offered"],
            "unrouted": by_status["unrouted"],
            "as_of": now,
        }
    )
