from __future__ import annotations

import uuid
from datetime import datetime

from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from aftersales.auth import Principal
from aftersales.errors import NotFound
from aftersales.http.deps import DatabaseDep
from aftersales.http.etag import check_version, etag_of, expected_version
from aftersales.http.idempotency import IdempotencyKey, run_command
from aftersales.http.pagination import Cursor, Limit, Since, SyncPage, sync_or_page
from aftersales.unit_of_work import UnitOfWork
from dispatch.adapters.repositories.jobs import JobFilter, JobRepository
from dispatch.adapters.repositories.timers import TimerRepository
from dispatch.adapters.tables.jobs import JobRow
from dispatch.api.board import JobSort, Kind, Region, check_sort, region_of
from dispatch.api.deps import PolicyDep
from dispatch.api.job_commands import JobCommand, report_of, status_report_of
from dispatch.api.presenters import job_out, repair_card_out
from dispatch.api.schemas.jobs import (
    AssignIn,
    HistoryEntry,
    JobHistory,
    JobOut,
    OfferOut,
    PauseIn,
    RejectIn,
    RouteIn,
    SlaTimerOut,
    SlaTimers,
)
from dispatch.api.schemas.reports import StatusReportIn
from dispatch.api.schemas.workshop import RepairCardOut
from dispatch.api.scope import (
    Centre,
    CentreOrPoint,
    Field,
    FieldReaders,
    actor_of,
    confined,
    scope_of,
)
from dispatch.domain.jobs import JobStatus
from dispatch.use_cases import offers, pauses, scheduling

router = APIRouter(prefix="/v1/jobs", tags=["jobs"])


def _headers(job: JobOut) -> dict[str, str]:
    return {"ETag": etag_of(job.version)}


async def _run(
    request: Request,
    db: DatabaseDep,
    principal: Principal,
    job_id: uuid.UUID,
    act: JobCommand,
    *,
    key: str | None = None,
    body: object = None,
) -> Response:
    """One job command: optional If-Match, one transaction, the job's new state as answer."""
    expected = expected_version(request, required=False)

    async def command(uow: UnitOfWork) -> JobOut:
        if expected is not None:
            current = await JobRepository(uow.session).get(job_id, scope=scope_of(principal))
            check_version(expected, current.version)
        return job_out(await act(uow, uow.now()), confined=confined(principal))

    async def authorize(uow: UnitOfWork) -> JobRow:
        return await JobRepository(uow.session).get(job_id, scope=scope_of(principal))

    return await run_command(
        request,
        db,
        command,
        principal=principal,
        key=key,
        body=body,  # type: ignore[arg-type]
        status_code=200,
        headers_for=_headers,  # type: ignore[arg-type]
        authorize=authorize,
    )


@router.get("", response_model=SyncPage[JobOut])
async def list_jobs(
    db: DatabaseDep,
    point_id: uuid.UUID | None = None,
    technician_id: uuid.UUID | None = None,
    status: JobStatus | None = None,
    ticket_id: uuid.UUID | None = None,
    updated_since: datetime | None = Query(
        default=None, description="changed at or after; for a sync, `since` never skips a job"
    ),
    region: Region = None,
    kind: Kind = None,
    sort: JobSort = "updated_at",
    since: Since = None,
    cursor: Cursor = None,
    limit: Limit = 50,
    principal: Principal = FieldReaders,
) -> SyncPage[JobOut]:
    """Jobs in the caller's scope (a point its own, a technician its own), filtered by point,
    technician, status, ticket, the site's `region` or the ticket's `kind`, or changed since a
    time (`updated_since`). `sort=next_due`: the open jobs by the clock that matters next
    (accept-by, booking, arrival, completion due; those with none last). To follow changes,
    sync with `since` (empty at first, then each answer's `next_since`): jobs in commit order,
    none skipped."""
    by_next_due = check_sort(sort, status=status, since=since)
    where = JobFilter(
        scope=scope_of(principal),
        point_id=point_id,
        technician_id=technician_id,
        status=status,
        ticket_id=ticket_id,
        updated_since=updated_since,
        region=region_of(region),
        kind=kind,
    )
    next_cursor: str | None = None
    next_since: str | None = None
    async with db.uow() as uow:
        jobs = JobRepository(uow.session)
        if sync_or_page(since, cursor):
            rows, next_since = await jobs.sync(where, since=since or "", limit=limit)
        else:
            rows, next_cursor = await jobs.page(
                where, cursor=cursor, limit=limit, by_next_due=by_next_due
            )
    hide = confined(principal)
    return SyncPage[JobOut](
        items=[job_out(r, confined=hide) for r in rows],
        next_cursor=next_cursor,
        next_since=next_since,
    )


@router.get("/{job_id}", response_model=JobOut)
async def get_job(
    job_id: uuid.UUID, db: DatabaseDep, response: Response, principal: Principal = FieldReaders
) -> JobOut:
    """One job: customer, product, window, status, the visit's report; with an `ETag`."""
    async with db.uow() as uow:
        row = await JobRepository(uow.session).get(job_id, scope=scope_of(principal))
    response.headers["ETag"] = etag_of(row.version)
    return job_out(row, confined=confined(principal))


@router.get("/{job_id}/history", response_model=JobHistory)
async def job_history(
    job_id: uuid.UUID, db: DatabaseDep, principal: Principal = Field
) -> JobHistory:
    """Every offer (with why the point was chosen) and every change, in order."""
    async with db.uow() as uow:
        jobs = JobRepository(uow.session)
        job = await jobs.get(job_id, scope=scope_of(principal))
        offered = await jobs.offers(job_id)
        entries = await jobs.history(job_id)
    offers = [OfferOut.model_validate(o, from_attributes=True) for o in offered]
    history = [HistoryEntry.model_validate(e, from_attributes=True) for e in entries]
    if confined(principal):
        # A point sees its own offers, without the explanation naming its competitors.
        own = str(job.point_id)
        offers = [o.model_copy(update={"why": None}) for o in offers if str(o.point_id) == own]
        history = [_own_entry(e) for e in history if _about_point(e) in (None, own)]
    return JobHistory(job_id=job_id, offers=offers, entries=history)


def _about_point(entry: HistoryEntry) -> str | None:
    point = (entry.details or {}).get("point_id")
    return str(point) if point else None


def _own_entry(entry: HistoryEntry) -> HistoryEntry:
    """The routing note names the runner-up: kept from a point's view of its own offer."""
    return entry.model_copy(update={"note": None}) if entry.action == "offered" else entry


@router.get("/{job_id}/repair-card", response_model=RepairCardOut)
async def repair_card(
    job_id: uuid.UUID, db: DatabaseDep, principal: Principal = FieldReaders
) -> RepairCardOut:
    """The workshop's repair card, the receipt's state and the product's in/out log."""
    async with db.uow() as uow:
        jobs = JobRepository(uow.session)
        job = await jobs.get(job_id, scope=scope_of(principal))
        card = await jobs.repair_card(job_id)
        if card is None:
            raise NotFound(f"Job {job_id} has not been to the workshop.")
        log = await jobs.workshop_log(job_id)
    return repair_card_out(card, log, job)


@router.get("/{job_id}/sla", response_model=SlaTimers)
async def job_sla(job_id: uuid.UUID, db: DatabaseDep, principal: Principal = Field) -> SlaTimers:
    """The job's SLA clocks (respond, accept, arrive, complete): due, met or breached."""
    async with db.uow() as uow:
        await JobRepository(uow.session).get(job_id, scope=scope_of(principal))
        timers = await TimerRepository(uow.session).of_job(job_id)
    return SlaTimers(
        job_id=job_id, timers=[SlaTimerOut.model_validate(t, from_attributes=True) for t in timers]
    )


@router.post("/{job_id}/route", response_model=JobOut)
async def route_job(
    job_id: uuid.UUID,
    body: RouteIn,
    request: Request,
    db: DatabaseDep,
    policy: PolicyDep,
    principal: Principal = Centre,
) -> Response:
    """An agent routes a waiting job by hand, to a named point or automatically once more."""
    return await _run(
        request,
        db,
        principal,
        job_id,
        lambda uow, now: offers.route_by_hand(
            uow,
            job_id,
            point_id=body.point_id,
            note=body.note,
            actor=actor_of(principal),
            now=now,
            policy=policy,
        ),
    )


@router.post("/{job_id}/accept", response_model=JobOut)
async def accept_job(
    job_id: uuid.UUID, request: Request, db: DatabaseDep, principal: Principal = CentreOrPoint
) -> Response:
    """The offered point takes the job, before `offer_expires_at`; then it assigns a technician."""
    return await _run(
        request,
        db,
        principal,
        job_id,
        lambda uow, now: offers.accept(
            uow, job_id, scope=scope_of(principal), actor=actor_of(principal), now=now
        ),
    )


@router.post("/{job_id}/reject", response_model=JobOut)
async def reject_job(
    job_id: uuid.UUID,
    body: RejectIn,
    request: Request,
    db: DatabaseDep,
    policy: PolicyDep,
    principal: Principal = CentreOrPoint,
) -> Response:
    """The point declines with a reason; the job is offered to the next candidate."""
    return await _run(
        request,
        db,
        principal,
        job_id,
        lambda uow, now: offers.reject(
            uow,
            job_id,
            body.reason,
            scope=scope_of(principal),
            actor=actor_of(principal),
            now=now,
            policy=policy,
        ),
    )


@router.post("/{job_id}/assign", response_model=JobOut)
async def assign_job(
    job_id: uuid.UUID,
    body: AssignIn,
    request: Request,
    db: DatabaseDep,
    policy: PolicyDep,
    idempotency_key: IdempotencyKey = None,
    principal: Principal = CentreOrPoint,
) -> Response:
    """Book a technician and an appointment; on a scheduled job this is a reschedule."""
    cmd = scheduling.Assignment(
        technician_id=body.technician_id,
        start=body.appointment.start,
        end=body.appointment.end,
        reason=body.reason,
        reason_code=body.reason_code,
    )
    return await _run(
        request,
        db,
        principal,
        job_id,
        lambda uow, now: scheduling.assign(
            uow,
            job_id,
            cmd,
            scope=scope_of(principal),
            actor=actor_of(principal),
            now=now,
            policy=policy,
        ),
        key=idempotency_key,
        body=body,
    )


@router.post("/{job_id}/status", response_model=JobOut)
async def report_status(
    job_id: uuid.UUID,
    body: StatusReportIn,
    request: Request,
    db: DatabaseDep,
    policy: PolicyDep,
    idempotency_key: IdempotencyKey = None,
    principal: Principal = Field,
) -> Response:
    """Progress from the technician's app or a partner shop (see the job state machine)."""
    return await _run(
        request,
        db,
        principal,
        job_id,
        report_of(principal, job_id, status_report_of(body), policy),
        key=idempotency_key,
        body=body,
    )


@router.post("/{job_id}/pause", response_model=JobOut)
async def pause_job(
    job_id: uuid.UUID,
    body: PauseIn,
    request: Request,
    db: DatabaseDep,
    principal: Principal = CentreOrPoint,
) -> Response:
    """The point pauses the job's SLA clocks (the customer asked to wait, parts are awaited);
    intake pauses the ticket's clocks with them."""
    return await _run(
        request,
        db,
        principal,
        job_id,
        lambda uow, now: pauses.pause(
            uow,
            job_id,
            body.reason,
            body.note,
            scope=scope_of(principal),
            actor=actor_of(principal),
            now=now,
        ),
    )


@router.post("/{job_id}/resume", response_model=JobOut)
async def resume_job(
    job_id: uuid.UUID, request: Request, db: DatabaseDep, principal: Principal = CentreOrPoint
) -> Response:
    """The clocks continue where they stopped; intake resumes the ticket's."""
    return await _run(
        request,
        db,
        principal,
        job_id,
        lambda uow, now: pauses.resume(
            uow, job_id, scope=scope_of(principal), actor=actor_of(principal), now=now
        ),
    )
