from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from datetime import datetime
from functools import partial

from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from aftersales.audit import Audit
from aftersales.auth import Principal
from aftersales.events import Money
from aftersales.events.intake import ClosureReason
from aftersales.http.deps import DatabaseDep
from aftersales.http.etag import etag_of, expected_version
from aftersales.http.idempotency import IdempotencyKey, run_command
from aftersales.http.pagination import Cursor, Limit, Since, SyncPage, sync_or_page
from aftersales.unit_of_work import UnitOfWork
from intake.adapters.repositories import TicketFilter, TicketRepository
from intake.adapters.tables import TicketRow
from intake.api.board import PointId, Region, TicketSort, check_sort
from intake.api.deps import PolicyDep
from intake.api.presenters import product_out, ticket_out, timeline_entry
from intake.api.schemas.tickets import (
    CancelIn,
    PauseIn,
    ResolveRemotelyIn,
    RespondIn,
    TicketIn,
    TicketOut,
    Timeline,
    WarrantyRemedyIn,
    WarrantyRemedyOut,
)
from intake.api.scope import Staff, actor_of, tenant_of
from intake.domain.board import region_prefix
from intake.domain.tickets import Channel, TicketKind, TicketStatus
from intake.use_cases import clocks, remedies
from intake.use_cases import tickets as use_cases

router = APIRouter(prefix="/v1/tickets", tags=["tickets"])


def _headers(ticket: TicketOut) -> dict[str, str]:
    return {"Location": f"/v1/tickets/{ticket.id}", "ETag": etag_of(ticket.version)}


@router.post("", status_code=201, response_model=TicketOut)
async def create_ticket(
    body: TicketIn,
    request: Request,
    db: DatabaseDep,
    policy: PolicyDep,
    idempotency_key: IdempotencyKey = None,
    principal: Principal = Staff,
) -> Response:
    """Open a ticket (a call to the hotline, a CRM request, a parts order). A ticket that needs a
    visit is routed by dispatch at once; `Idempotency-Key` makes a retry return the same ticket.
    A training or a sample test may name no product: then `category` and `topic`. A sample
    test opens paused until its sample arrives."""
    window = body.preferred_window
    cmd = use_cases.OpenTicket(
        customer_id=body.customer_id,
        product_id=body.product_id,
        kind=body.kind,
        channel=body.channel,
        description=body.description,
        preferred_start=window.start if window else None,
        preferred_end=window.end if window else None,
        lines=[(line.sku, line.qty) for line in body.lines] if body.lines is not None else None,
        category=body.category,
        topic=body.topic,
    )

    async def command(uow: UnitOfWork) -> TicketOut:
        row = await use_cases.open_ticket(
            uow, cmd, policy=policy, tenant=tenant_of(principal), actor=actor_of(principal)
        )
        return ticket_out(row)

    return await run_command(
        request,
        db,
        command,
        principal=principal,
        key=idempotency_key,
        body=body,
        headers_for=_headers,  # type: ignore[arg-type]
        one_statement=True,  # the hot path: a read, then one statement (aftersales.one_statement)
    )


@router.get("", response_model=SyncPage[TicketOut])
async def list_tickets(
    db: DatabaseDep,
    status: TicketStatus | None = Query(
        default=None, description="`closed` finds every ended ticket, whatever its closure_reason"
    ),
    closure_reason: ClosureReason | None = None,
    kind: TicketKind | None = None,
    channel: Channel | None = None,
    customer_id: uuid.UUID | None = None,
    product_id: uuid.UUID | None = None,
    window_agreed: bool | None = Query(
        default=None,
        description="visit tickets whose slot is agreed (true) or still to agree with the "
        "customer (false); tickets with no visit are neither",
    ),
    created_from: datetime | None = Query(default=None, description="created at or after"),
    created_to: datetime | None = Query(default=None, description="created before"),
    updated_since: datetime | None = Query(
        default=None, description="updated at or after; for a sync, `since` never skips a ticket"
    ),
    updated_until: datetime | None = Query(default=None, description="updated before"),
    region: Region = None,
    point_id: PointId = None,
    sort: TicketSort = "updated_at",
    since: Since = None,
    cursor: Cursor = None,
    limit: Limit = 50,
    principal: Principal = Staff,
) -> SyncPage[TicketOut]:
    """Tickets, newest first, filtered by status, kind, channel, customer, product, whether
    a visit's slot is agreed, the site's `region` or the `point_id` its job is with; paged
    with `cursor`. `sort=next_due`: the open tickets by the clock that matters next (answer,
    arrival, completion due; those with none last). For a CRM's sync, `since` (empty at first,
    then each answer's `next_since`): tickets in commit order, none skipped."""
    by_next_due = check_sort(sort, status=status, since=since)
    where = TicketFilter(
        tenant=tenant_of(principal),
        status=status,
        closure_reason=closure_reason,
        kind=kind,
        channel=channel,
        customer_id=customer_id,
        product_id=product_id,
        created_from=created_from,
        created_to=created_to,
        updated_since=updated_since,
        updated_until=updated_until,
        window_agreed=window_agreed,
        region=region_prefix(region) if region is not None else None,
        point_id=point_id,
    )
    next_cursor: str | None = None
    next_since: str | None = None
    async with db.uow() as uow:
        tickets = TicketRepository(uow.session)
        if sync_or_page(since, cursor):
            rows, next_since = await tickets.sync(where, since=since or "", limit=limit)
        else:
            rows, next_cursor = await tickets.page(
                where, cursor=cursor, limit=limit, by_next_due=by_next_due
            )
    return SyncPage[TicketOut](
        items=[ticket_out(r) for r in rows], next_cursor=next_cursor, next_since=next_since
    )


@router.get("/{ticket_id}", response_model=TicketOut)
async def get_ticket(
    ticket_id: uuid.UUID, db: DatabaseDep, response: Response, principal: Principal = Staff
) -> TicketOut:
    """One ticket as the call register knows it: status, clocks, the job's progress, the charge and
    the callback."""
    async with db.uow() as uow:
        row = await TicketRepository(uow.session).get(ticket_id, tenant=tenant_of(principal))
    response.headers["ETag"] = etag_of(row.version)
    return ticket_out(row)


@router.get("/{ticket_id}/timeline", response_model=Timeline)
async def get_timeline(
    ticket_id: uuid.UUID, db: DatabaseDep, principal: Principal = Staff
) -> Timeline:
    """Everything that happened to the ticket, from every service, in order."""
    async with db.uow() as uow:
        repo = TicketRepository(uow.session)
        await repo.get(ticket_id, tenant=tenant_of(principal))
        rows = await repo.timeline(ticket_id)
    staff = principal.role in ("admin", "agent")
    return Timeline(ticket_id=ticket_id, entries=[timeline_entry(r, staff=staff) for r in rows])


async def _stop(
    request: Request,
    db: DatabaseDep,
    principal: Principal,
    stop: Callable[..., Awaitable[TicketRow]],
    ticket_id: uuid.UUID,
    text: str,
) -> Response:
    """Cancel and remote resolution share their shape: optional If-Match, one command."""
    return await ticket_command(
        request,
        db,
        principal,
        lambda uow, tenant, actor, expected: stop(
            uow, ticket_id, text, tenant=tenant, actor=actor, expected_version=expected
        ),
    )


@router.post("/{ticket_id}/cancel", response_model=TicketOut)
async def cancel_ticket(
    ticket_id: uuid.UUID,
    body: CancelIn,
    request: Request,
    db: DatabaseDep,
    principal: Principal = Staff,
) -> Response:
    """Allowed until a technician is on the way; later a 409 says why."""
    return await _stop(request, db, principal, use_cases.cancel_ticket, ticket_id, body.reason)


@router.post("/{ticket_id}/resolve-remotely", response_model=TicketOut)
async def resolve_remotely(
    ticket_id: uuid.UUID,
    body: ResolveRemotelyIn,
    request: Request,
    db: DatabaseDep,
    policy: PolicyDep,
    principal: Principal = Staff,
) -> Response:
    """Solved on the phone (guidance, a non-fault cause): closed without a visit."""
    resolve = partial(use_cases.resolve_remotely, policy=policy)
    return await _stop(request, db, principal, resolve, ticket_id, body.note)


@router.post("/{ticket_id}/warranty-remedy", response_model=WarrantyRemedyOut)
async def warranty_remedy(
    ticket_id: uuid.UUID,
    body: WarrantyRemedyIn,
    request: Request,
    db: DatabaseDep,
    policy: PolicyDep,
    principal: Principal = Staff,
) -> Response:
    """The 三包 decision, checked against the warranty policy (422 with the reason if not)."""
    cmd = remedies.DecideRemedy(
        remedy=body.remedy,
        reason=body.reason,
        new_serial_no=body.new_serial_no,
        new_model=body.new_model,
        refund=Money(amount=body.refund.amount, currency=body.refund.currency)
        if body.refund
        else None,
    )

    async def command(uow: UnitOfWork) -> WarrantyRemedyOut:
        decision = await remedies.decide_warranty_remedy(
            uow,
            ticket_id,
            cmd,
            policy=policy,
            tenant=tenant_of(principal),
            actor=actor_of(principal),
        )
        return WarrantyRemedyOut(
            ticket=ticket_out(decision.ticket),
            remedy=decision.remedy,
            replacement_product=product_out(decision.replacement, uow.now().date())
            if decision.replacement
            else None,
        )

    return await run_command(
        request,
        db,
        command,
        principal=principal,
        status_code=200,
        audit=Audit("ticket", "warranty remedy decided"),
    )


async def ticket_command(
    request: Request,
    db: DatabaseDep,
    principal: Principal,
    act: Callable[[UnitOfWork, str | None, str, int | None], Awaitable[TicketRow]],
) -> Response:
    expected = expected_version(request, required=False)

    async def command(uow: UnitOfWork) -> TicketOut:
        row = await act(uow, tenant_of(principal), actor_of(principal), expected)
        return ticket_out(row)

    return await run_command(
        request,
        db,
        command,
        principal=principal,
        status_code=200,
        headers_for=_headers,  # type: ignore[arg-type]
    )


@router.post("/{ticket_id}/respond", response_model=TicketOut)
async def respond_to_ticket(
    ticket_id: uuid.UUID,
    body: RespondIn,
    request: Request,
    db: DatabaseDep,
    policy: PolicyDep,
    principal: Principal = Staff,
) -> Response:
    """The centre's answer to a ticket that needs no visit (a consultation, a sample test).
    ``resolved: true`` ends it as resolve-remotely does; ``false`` records the answer and leaves
    it open. A visit or complaint ticket is answered elsewhere: 409 says where."""
    cmd = clocks.Respond(summary=body.summary, resolved=body.resolved)
    return await ticket_command(
        request,
        db,
        principal,
        lambda uow, tenant, actor, expected: clocks.respond(
            uow,
            ticket_id,
            cmd,
            tenant=tenant,
            actor=actor,
            policy=policy,
            expected_version=expected,
        ),
    )


@router.post("/{ticket_id}/pause", response_model=TicketOut)
async def pause_ticket(
    ticket_id: uuid.UUID,
    body: PauseIn,
    request: Request,
    db: DatabaseDep,
    principal: Principal = Staff,
) -> Response:
    """Stop every clock of the ticket (intake's and dispatch's) until it is resumed."""
    cmd = clocks.Pause(reason=body.reason, note=body.note)
    return await ticket_command(
        request,
        db,
        principal,
        lambda uow, tenant, actor, expected: clocks.pause(
            uow, ticket_id, cmd, tenant=tenant, actor=actor, expected_version=expected
        ),
    )


@router.post("/{ticket_id}/resume", response_model=TicketOut)
async def resume_ticket(
    ticket_id: uuid.UUID, request: Request, db: DatabaseDep, principal: Principal = Staff
) -> Response:
    """Every clock continues where it stopped: due times move on by the time paused."""
    return await ticket_command(
        request,
        db,
        principal,
        lambda uow, tenant, actor, expected: clocks.resume(
            uow, ticket_id, tenant=tenant, actor=actor, expected_version=expected
        ),
    )
