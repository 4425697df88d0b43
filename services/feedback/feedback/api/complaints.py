from __future__ import annotations

import uuid
from datetime import datetime

from fastapi import APIRouter, Request
from starlette.responses import Response

from aftersales.audit import Audit
from aftersales.auth import Principal
from aftersales.http.deps import ClockDep, DatabaseDep
from aftersales.http.idempotency import IdempotencyKey, run_command
from aftersales.http.pagination import Cursor, Limit, Page
from aftersales.unit_of_work import UnitOfWork
from feedback.adapters.repositories.complaints import ComplaintFilter, ComplaintRepository
from feedback.adapters.tables import ComplaintRow
from feedback.api.deps import PolicyDep
from feedback.api.schemas import ComplaintIn, ComplaintOut, ReplyIn, ResolveIn
from feedback.api.scope import Centre, ComplaintDesk, actor_of, scope_of
from feedback.domain.complaints import overdue
from feedback.use_cases import complaints as use_cases

router = APIRouter(prefix="/v1/complaints", tags=["complaints"])


def complaint_out(row: ComplaintRow, now: datetime, *, staff: bool = True) -> ComplaintOut:
    """A complaint as its caller may see it at ``now``: the centre's reason for an attribution
    stays with the centre."""
    fields = {k: getattr(row, k) for k in ComplaintOut.model_fields if hasattr(row, k)}
    if not staff:
        fields["attribution_reason"] = None
    return ComplaintOut(
        **fields,
        reply_overdue=overdue(row.reply_by, row.replied_at, now),
        resolve_overdue=overdue(row.resolve_by, row.resolved_at, now),
    )


async def _complaint_now(uow: UnitOfWork, complaint_id: uuid.UUID) -> ComplaintOut:
    """The complaint before a change, for the audit trail."""
    return complaint_out(await ComplaintRepository(uow.session).get(complaint_id), uow.now())


@router.post("", status_code=201, response_model=ComplaintOut)
async def open_complaint(
    body: ComplaintIn,
    request: Request,
    db: DatabaseDep,
    policy: PolicyDep,
    idempotency_key: IdempotencyKey = None,
    principal: Principal = ComplaintDesk,
) -> Response:
    """Opened by an agent or a CRM (a ``complaint`` or ``bad_attitude`` callback outcome opens
    one too): answer within 24 hours, resolve within 30 days. It names a point or technician
    that was offered, assigned or sent to one of the ticket's jobs (422 otherwise), a staff
    member of the register (``staff_id``; agents and admins; 422 for one not registered), or
    nobody: it is then about the ticket's latest visit. An agent may name someone else with an
    ``attribution_reason`` (a CRM may not), which the audit trail records. ``category``
    (default ``conduct``) says whether, substantiated, it is a strike."""
    scope = scope_of(principal)
    crm = principal.role == "crm"
    cmd = use_cases.NewComplaint(**body.model_dump())

    async def command(uow: UnitOfWork) -> ComplaintOut:
        row = await use_cases.open_complaint(
            uow,
            cmd,
            source="crm" if crm else "agent",
            actor=actor_of(principal),
            tenant_id=scope.tenant_id,
            policy=policy,
            by="crm" if crm else "centre",
        )
        return complaint_out(row, uow.now(), staff=not crm)

    # The customer's words stay out of the (unerasable) trail: "text" is left as unchanged.
    attributed = Audit("complaint", "attributed", extra={"text": None})
    return await run_command(
        request,
        db,
        command,
        principal=principal,
        key=idempotency_key,
        body=body,
        headers_for=lambda c: {"Location": f"/v1/complaints/{c.id}"},  # type: ignore[attr-defined]
        audit=attributed if body.attribution_reason is not None and not crm else None,
    )


@router.get("", response_model=Page[ComplaintOut])
async def list_complaints(
    db: DatabaseDep,
    clock: ClockDep,
    status: str | None = None,
    ticket_id: uuid.UUID | None = None,
    point_id: uuid.UUID | None = None,
    overdue_only: bool = False,
    cursor: Cursor = None,
    limit: Limit = 50,
    principal: Principal = ComplaintDesk,
) -> Page[ComplaintOut]:
    """Complaints, filtered by status or point."""
    now = clock.now()
    where = ComplaintFilter(
        scope=scope_of(principal),
        status=status,
        ticket_id=ticket_id,
        point_id=point_id,
        overdue_at=now if overdue_only else None,
    )
    async with db.uow() as uow:
        rows, next_cursor = await ComplaintRepository(uow.session).page(
            where, cursor=cursor, limit=limit
        )
    staff = principal.role != "crm"
    return Page[ComplaintOut](
        items=[complaint_out(r, now, staff=staff) for r in rows], next_cursor=next_cursor
    )


@router.get("/{complaint_id}", response_model=ComplaintOut)
async def get_complaint(
    complaint_id: uuid.UUID, db: DatabaseDep, clock: ClockDep, principal: Principal = ComplaintDesk
) -> ComplaintOut:
    """One complaint with its reply and resolution clocks."""
    async with db.uow() as uow:
        row = await ComplaintRepository(uow.session).get(complaint_id, scope=scope_of(principal))
    return complaint_out(row, clock.now(), staff=principal.role != "crm")


@router.post("/{complaint_id}/reply", response_model=ComplaintOut)
async def reply_to_complaint(
    complaint_id: uuid.UUID,
    body: ReplyIn,
    request: Request,
    db: DatabaseDep,
    principal: Principal = Centre,
) -> Response:
    """The first answer to the customer (its 24 h clock is met, or late)."""

    async def command(uow: UnitOfWork) -> ComplaintOut:
        row = await use_cases.reply(uow, complaint_id, body.text, scope=scope_of(principal))
        return complaint_out(row, uow.now())

    return await run_command(request, db, command, principal=principal, status_code=200)


@router.post("/{complaint_id}/resolve", response_model=ComplaintOut)
async def resolve_complaint(
    complaint_id: uuid.UUID,
    body: ResolveIn,
    request: Request,
    db: DatabaseDep,
    policy: PolicyDep,
    principal: Principal = Centre,
) -> Response:
    """Resolve, having checked it: substantiated or not, what it was about (``category``) and
    against whom (someone who did not serve the ticket only with an ``attribution_reason``; a
    staff member only from the register). A substantiated complaint counts on the point's
    scorecard; a substantiated ``conduct`` complaint is also a strike on the staff member
    (warning, penalty, dismissal). Audited."""
    cmd = use_cases.Resolution(**body.model_dump())

    async def command(uow: UnitOfWork) -> ComplaintOut:
        row = await use_cases.resolve(
            uow, complaint_id, cmd, scope=scope_of(principal), policy=policy
        )
        return complaint_out(row, uow.now())

    return await run_command(
        request,
        db,
        command,
        principal=principal,
        status_code=200,
        audit=Audit("complaint", "resolved", before=lambda uow: _complaint_now(uow, complaint_id)),
    )
