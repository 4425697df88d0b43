from __future__ import annotations

import uuid
from datetime import date
from typing import Literal

from fastapi import APIRouter, Request
from starlette.responses import Response

from aftersales.auth import Principal
from aftersales.http.deps import ClockDep, DatabaseDep
from aftersales.http.idempotency import IdempotencyKey, run_command
from aftersales.http.pagination import Cursor, Limit, Page
from aftersales.unit_of_work import UnitOfWork
from feedback.adapters.repositories.care import CareRepository
from feedback.adapters.tables import CarePlanRow, CareVisitRow
from feedback.api.deps import PolicyDep
from feedback.api.schemas import CarePlanIn, CarePlanOut, CareVisitIn, CareVisitOut
from feedback.api.scope import Centre
from feedback.domain.care import CADENCE_MONTHS, is_late
from feedback.use_cases import care
from feedback.use_cases.policy import day_of

router = APIRouter(prefix="/v1/care-plans", tags=["care visits"])


def plan_out(
    row: CarePlanRow, today: date, visits: list[CareVisitRow] | None = None
) -> CarePlanOut:
    """The plan as of ``today`` (the network's local date): due when its next visit is."""
    return CarePlanOut(
        id=row.id,
        customer_id=row.customer_id,
        customer_name=row.customer_name,
        level=row.level,
        purpose=row.purpose,  # type: ignore[arg-type]
        cadence_months=CADENCE_MONTHS[row.level],
        staff=row.staff,
        next_due_on=row.next_due_on,
        due=row.next_due_on <= today,
        late=is_late(row.next_due_on, today),
        visits=[
            CareVisitOut(visited_on=v.visited_on, staff=v.staff, notes=v.notes)
            for v in visits or []
        ],
        version=row.version,
    )


@router.post("", status_code=201, response_model=CarePlanOut)
async def create_plan(
    body: CarePlanIn,
    request: Request,
    db: DatabaseDep,
    policy: PolicyDep,
    idempotency_key: IdempotencyKey = None,
    principal: Principal = Centre,
) -> Response:
    """A key customer's planned visits: by senior staff every six months, by ordinary staff
    every month."""
    cmd = care.NewCarePlan(**body.model_dump())

    async def command(uow: UnitOfWork) -> CarePlanOut:
        return plan_out(await care.create_plan(uow, cmd), day_of(uow.now(), policy))

    return await run_command(
        request, db, command, principal=principal, key=idempotency_key, body=body
    )


@router.get("", response_model=Page[CarePlanOut])
async def list_plans(
    db: DatabaseDep,
    clock: ClockDep,
    policy: PolicyDep,
    due_by: date | None = None,
    customer_id: uuid.UUID | None = None,
    purpose: Literal["care", "usage_tracking"] | None = None,
    cursor: Cursor = None,
    limit: Limit = 50,
    principal: Principal = Centre,
) -> Page[CarePlanOut]:
    """``?due_by=YYYY-MM-DD`` lists the visits due by that day; ``?purpose=usage_tracking``
    the direct customers' usage-tracking plans."""
    async with db.uow() as uow:
        rows, next_cursor = await CareRepository(uow.session).page(
            due_by=due_by, customer_id=customer_id, cursor=cursor, limit=limit, purpose=purpose
        )
    today = day_of(clock.now(), policy)
    return Page[CarePlanOut](items=[plan_out(r, today) for r in rows], next_cursor=next_cursor)


@router.get("/{plan_id}", response_model=CarePlanOut)
async def get_plan(
    plan_id: uuid.UUID,
    db: DatabaseDep,
    clock: ClockDep,
    policy: PolicyDep,
    principal: Principal = Centre,
) -> CarePlanOut:
    """One care plan with its visits."""
    async with db.uow() as uow:
        repo = CareRepository(uow.session)
        row = await repo.get(plan_id)
        return plan_out(row, day_of(clock.now(), policy), await repo.visits(row.id))


@router.post("/{plan_id}/visits", status_code=201, response_model=CarePlanOut)
async def record_visit(
    plan_id: uuid.UUID,
    body: CareVisitIn,
    request: Request,
    db: DatabaseDep,
    policy: PolicyDep,
    idempotency_key: IdempotencyKey = None,
    principal: Principal = Centre,
) -> Response:
    """Record a care visit done under the plan."""

    async def command(uow: UnitOfWork) -> CarePlanOut:
        row = await care.record_visit(
            uow, plan_id, visited_on=body.visited_on, staff=body.staff, notes=body.notes
        )
        visits = await CareRepository(uow.session).visits(row.id)
        return plan_out(row, day_of(uow.now(), policy), visits)

    return await run_command(
        request, db, command, principal=principal, key=idempotency_key, body=body
    )
