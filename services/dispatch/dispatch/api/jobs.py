from __future__ import annotations

import uuid

from fastapi import APIRouter
from starlette.responses import Response

from aftersales.auth import Principal, require_roles
from aftersales.http.deps import DatabaseDep
from aftersales.http.etag import etag_of
from aftersales.http.pagination import Cursor, Limit, Page
from dispatch.adapters.repositories import JobRepository
from dispatch.adapters.tables import JobRow
from dispatch.api.schemas import JobOut
from dispatch.domain.jobs import JobStatus

router = APIRouter(prefix="/v1/jobs", tags=["jobs"])
Readers = require_roles("admin", "agent", "point")


def job_out(row: JobRow) -> JobOut:
    return JobOut.model_validate(row, from_attributes=True)


def _scope(principal: Principal, requested: uuid.UUID | None) -> uuid.UUID | None:
    """A point sees only its own jobs, whatever it asks for."""
    if principal.role == "point":
        return principal.point_id or uuid.UUID(int=0)
    return requested


@router.get("", response_model=Page[JobOut])
async def list_jobs(
    db: DatabaseDep,
    point_id: uuid.UUID | None = None,
    status: JobStatus | None = None,
    ticket_id: uuid.UUID | None = None,
    cursor: Cursor = None,
    limit: Limit = 50,
    principal: Principal = Readers,
) -> Page[JobOut]:
    async with db.uow() as uow:
        rows, next_cursor = await JobRepository(uow.session).page(
            point_id=_scope(principal, point_id),
            status=status,
            ticket_id=ticket_id,
            cursor=cursor,
            limit=limit,
        )
    return Page[JobOut](items=[job_out(r) for r in rows], next_cursor=next_cursor)


@router.get("/{job_id}", response_model=JobOut)
async def get_job(
    job_id: uuid.UUID, db: DatabaseDep, response: Response, principal: Principal = Readers
) -> JobOut:
    async with db.uow() as uow:
        row = await JobRepository(uow.session).get(job_id, point_id=_scope(principal, None))
    response.headers["ETag"] = etag_of(row.version)
    return job_out(row)
