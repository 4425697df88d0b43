from __future__ import annotations

import uuid
from datetime import datetime

from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from aftersales.auth import Principal
from aftersales.http.deps import ClockDep, DatabaseDep
from aftersales.http.idempotency import IdempotencyKey, run_command
from aftersales.http.pagination import Cursor, Limit, Page
from aftersales.unit_of_work import UnitOfWork
from feedback.adapters.repositories.callbacks import CallbackFilter, CallbackRepository
from feedback.adapters.repositories.contacts import ContactRepository
from feedback.adapters.tables import CallbackRow, TicketContactRow
from feedback.api.deps import PolicyDep
from feedback.api.schemas import AttemptOut, CallbackDetail, CallbackOut, CallbackResultIn
from feedback.api.scope import Centre, CentreOrPoint, actor_of, scope_of
from feedback.use_cases.callbacks import CallbackResult, record_result

router = APIRouter(prefix="/v1/callbacks", tags=["callbacks"])


def _contact(c: TicketContactRow | None) -> dict[str, str | None] | None:
    if c is None:
        return None
    return {
        "ticket_number": c.number,
        "customer_name": c.customer_name,
        "phone": c.phone,
        "product_model": c.product_model,
    }


def callback_out(row: CallbackRow, contact: TicketContactRow | None, now: datetime) -> CallbackOut:
    return CallbackOut(
        **{k: getattr(row, k) for k in CallbackOut.model_fields if hasattr(row, k)},
        overdue=row.status == "due" and row.due_at < now,
        contact=_contact(contact),
    )


@router.get("", response_model=Page[CallbackOut])
async def list_callbacks(
    db: DatabaseDep,
    clock: ClockDep,
    status: str | None = Query(
        default=None,
        pattern="^(due|done|unreachable|withdrawn|overdue)$",
        description="overdue: due and past its deadline",
    ),
    point_id: uuid.UUID | None = None,
    ticket_id: uuid.UUID | None = None,
    month: str | None = Query(default=None, pattern=r"^\d{4}-(0[1-9]|1[0-2])$"),
    cursor: Cursor = None,
    limit: Limit = 50,
    principal: Principal = CentreOrPoint,
) -> Page[CallbackOut]:
    """Callbacks, filtered by state (due, overdue, recorded), point or ticket: audit callbacks
    still due first (they must ask whether someone came), then by last change."""
    now = clock.now()
    where = CallbackFilter(
        scope=scope_of(principal),
        status=None if status == "overdue" else status,
        overdue_at=now if status == "overdue" else None,
        point_id=point_id,
        ticket_id=ticket_id,
        month=month,
    )
    async with db.uow() as uow:
        rows, next_cursor = await CallbackRepository(uow.session).page(
            where, cursor=cursor, limit=limit
        )
        contacts = ContactRepository(uow.session)
        items = [callback_out(r, await contacts.get(r.ticket_id), now) for r in rows]
    return Page[CallbackOut](items=items, next_cursor=next_cursor)


async def _detail(uow: UnitOfWork, row: CallbackRow) -> CallbackDetail:
    base = callback_out(row, await ContactRepository(uow.session).get(row.ticket_id), uow.now())
    attempts = await CallbackRepository(uow.session).attempts(row.id)
    return CallbackDetail(
        **base.model_dump(),
        attempt_log=[
            AttemptOut(reached=a.reached, note=a.note, by=a.by, at=a.at) for a in attempts
        ],
    )


@router.get("/{callback_id}", response_model=CallbackDetail)
async def get_callback(
    callback_id: uuid.UUID, db: DatabaseDep, principal: Principal = CentreOrPoint
) -> CallbackDetail:
    """One callback: when it is due, the attempts, the outcome."""
    async with db.uow() as uow:
        row = await CallbackRepository(uow.session).get(callback_id, scope=scope_of(principal))
        return await _detail(uow, row)


@router.post("/{callback_id}/result", response_model=CallbackDetail)
async def post_result(
    callback_id: uuid.UUID,
    body: CallbackResultIn,
    request: Request,
    db: DatabaseDep,
    policy: PolicyDep,
    idempotency_key: IdempotencyKey = None,
    principal: Principal = Centre,
) -> Response:
    """The customer reached (with one of the six outcomes, and whether someone came:
    ``visit_confirmed``, which an audit job's callback must ask), or not reached (an attempt;
    after the last allowed attempt the callback is ``unreachable`` and reported). A customer
    who says no one came opens a quality complaint against the point."""
    cmd = CallbackResult(
        reached=body.reached,
        outcome=body.outcome,
        score=body.score,
        comment=body.comment,
        visit_confirmed=body.visit_confirmed,
    )

    async def command(uow: UnitOfWork) -> CallbackDetail:
        row = await record_result(
            uow,
            callback_id,
            cmd,
            actor=actor_of(principal),
            scope=scope_of(principal),
            policy=policy,
        )
        return await _detail(uow, row)

    return await run_command(
        request, db, command, principal=principal, key=idempotency_key, body=body, status_code=200
    )
