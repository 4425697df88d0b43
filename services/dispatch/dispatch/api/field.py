"""The field API: a technician's day, and a phone's queued reports sent in one batch.

A batch is many single reports in one envelope: each runs as ``POST /v1/jobs/{id}/status``
would, in its own transaction, under its ``idempotency_key`` in the same store as the single
route, so a report sent alone and sent again in a batch is applied once (``already_applied``).
Reports are applied in the order sent; after a refused report, the later reports of the same
job are refused too (they would build on a step that did not happen), while other jobs go on.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime, time, timedelta

from fastapi import APIRouter, Query, Request

from aftersales.auth import Principal, require_roles
from aftersales.errors import AftersalesError, Unprocessable
from aftersales.http.deps import ClockDep, DatabaseDep
from aftersales.http.idempotency import keyed_command
from aftersales.http.problems import problem_of
from aftersales.unit_of_work import UnitOfWork
from dispatch.adapters.repositories.jobs import JobRepository
from dispatch.api.deps import PolicyDep
from dispatch.api.job_commands import JobCommand, report_of, status_report_of
from dispatch.api.presenters import job_out, repair_card_out
from dispatch.api.schemas.field import (
    BatchResult,
    MyDayOut,
    MyJobOut,
    PreviousVisit,
    StatusBatchIn,
    StatusBatchOut,
)
from dispatch.api.schemas.jobs import JobOut
from dispatch.api.schemas.reports import StatusReportIn
from dispatch.api.scope import Field, confined

router = APIRouter(tags=["field"])
Technician = require_roles("technician")


@router.get("/v1/me/jobs", response_model=MyDayOut)
async def my_jobs(
    db: DatabaseDep,
    policy: PolicyDep,
    clock: ClockDep,
    day: date | None = Query(default=None, alias="date", description="local date; today"),
    principal: Principal = Technician,
) -> MyDayOut:
    """The technician's day: its jobs in appointment order, each with the customer's address
    and phone, the window, the product, the ticket's earlier visits and the repair card so far."""
    tz = policy.tz
    day = day or clock.now().astimezone(tz).date()
    start = datetime.combine(day, time(0), tzinfo=tz)
    me = principal.technician_id or uuid.UUID(int=0)
    async with db.uow() as uow:
        jobs = JobRepository(uow.session)
        items = []
        for row in await jobs.of_technician_between(me, start, start + timedelta(days=1)):
            earlier = [
                j for j in await jobs.of_ticket(row.ticket_id) if j.visit_number < row.visit_number
            ]
            card = await jobs.repair_card(row.id)
            items.append(
                MyJobOut(
                    job=job_out(row, confined=True),
                    previous_visits=[
                        PreviousVisit(
                            job_id=j.id,
                            visit_number=j.visit_number,
                            status=j.status,
                            technician_id=j.technician_id,
                            completed_at=j.completed_at,
                            resolution=j.resolution,
                            outcome=j.outcome,
                            cause_code=j.cause_code,
                        )
                        for j in earlier
                    ],
                    repair_card=(
                        repair_card_out(card, await jobs.workshop_log(row.id), row)
                        if card
                        else None
                    ),
                )
            )
    return MyDayOut(technician_id=me, date=day, items=items)


@router.post("/v1/jobs/status-batch", response_model=StatusBatchOut)
async def status_batch(
    body: StatusBatchIn,
    request: Request,
    db: DatabaseDep,
    policy: PolicyDep,
    principal: Principal = Field,
) -> StatusBatchOut:
    """Up to 100 queued reports (a phone back online, a partner pushing many jobs): each is
    ``applied``, ``already_applied`` (its key was used for the same report before, alone or in
    a batch) or ``refused`` with the problem it would have got alone. Signatures in a batch go
    by ``reference``."""
    ttl = request.app.state.settings.idempotency_ttl_hours
    refused_jobs: set[uuid.UUID] = set()
    results = []
    for item in body.reports:
        single = StatusReportIn.model_validate(
            item.model_dump(exclude={"job_id", "idempotency_key"})
        )
        path = f"/v1/jobs/{item.job_id}/status"
        try:
            if item.job_id in refused_jobs:
                raise Unprocessable(
                    "Not applied: an earlier report of this job in the batch was refused; "
                    "send it again after that one."
                )
            if single.signature is not None and single.signature.image_base64 is not None:
                raise Unprocessable(
                    "A signature in a batch goes by reference; send the image alone."
                )
            run = report_of(principal, item.job_id, status_report_of(single), policy)

            async def command(uow: UnitOfWork, run: JobCommand = run) -> JobOut:
                return job_out(await run(uow, uow.now()), confined=confined(principal))

            done = await keyed_command(
                db,
                command,
                principal=principal,
                key=item.idempotency_key,
                method="POST",
                path=path,
                body=single,
                status_code=200,
                ttl_hours=ttl,
            )
            outcome = "already_applied" if done.replayed else "applied"
            results.append(
                BatchResult(
                    job_id=item.job_id, idempotency_key=item.idempotency_key, outcome=outcome
                )
            )
        except AftersalesError as exc:
            refused_jobs.add(item.job_id)
            results.append(
                BatchResult(
                    job_id=item.job_id,
                    idempotency_key=item.idempotency_key,
                    outcome="refused",
                    problem=problem_of(exc, instance=path),
                )
            )
    return StatusBatchOut(results=results)
