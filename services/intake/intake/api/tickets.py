from __future__ import annotations

import uuid
from datetime import datetime

from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from aftersales.auth import Principal, require_roles
from aftersales.db import UnitOfWork
from aftersales.http.deps import DatabaseDep
from aftersales.http.etag import etag_of
from aftersales.http.idempotency import IdempotencyKey, run_command
from aftersales.http.pagination import Cursor, Limit, Page
from intake.adapters.repositories import TicketRepository
from intake.api.presenters import ticket_out, timeline_entry
from intake.api.schemas import TicketIn, TicketOut, Timeline
from intake.domain.tickets import ResponsePolicy, TicketStatus
from intake.use_cases.tickets import OpenTicket, open_ticket

router = APIRouter(prefix="/v1/tickets", tags=["tickets"])
Staff = require_roles("admin", "agent", "crm")


def _policy(request: Request) -> ResponsePolicy:
    settings = request.app.state.settings
    return ResponsePolicy(
        default_hours=settings.respond_within_hours,
        complaint_hours=settings.complaint_respond_within_hours,
    )


@router.post("", status_code=201, response_model=TicketOut)
async def create_ticket(
    body: TicketIn,
    request: Request,
    db: DatabaseDep,
    idempotency_key: IdempotencyKey = None,
    principal: Principal = Staff,
) -> Response:
    window = body.preferred_window
    cmd = OpenTicket(
        customer_id=body.customer_id,
        product_id=body.product_id,
        kind=body.kind,
        channel=body.channel,
        description=body.description,
        preferred_start=window.start if window else None,
        preferred_end=window.end if window else None,
    )
    policy = _policy(request)

    async def command(uow: UnitOfWork) -> TicketOut:
        return ticket_out(await open_ticket(uow, cmd, policy))

    return await run_command(
        request,
        db,
        command,
        principal=principal,
        key=idempotency_key,
        body=body,
        headers_for=lambda t: {"Location": f"/v1/tickets/{t.id}", "ETag": etag_of(t.version)},  # type: ignore[attr-defined]
    )


@router.get("", response_model=Page[TicketOut])
async def list_tickets(
    db: DatabaseDep,
    status: TicketStatus | None = None,
    customer_id: uuid.UUID | None = None,
    updated_since: datetime | None = Query(default=None, description="RFC 3339, for CRM sync"),
    cursor: Cursor = None,
    limit: Limit = 50,
    principal: Principal = Staff,
) -> Page[TicketOut]:
    async with db.uow() as uow:
        rows, next_cursor = await TicketRepository(uow.session).page(
            status=status,
            customer_id=customer_id,
            updated_since=updated_since,
            cursor=cursor,
            limit=limit,
        )
    return Page[TicketOut](items=[ticket_out(r) for r in rows], next_cursor=next_cursor)


@router.get("/{ticket_id}", response_model=TicketOut)
async def get_ticket(
    ticket_id: uuid.UUID, db: DatabaseDep, response: Response, principal: Principal = Staff
) -> TicketOut:
    async with db.uow() as uow:
        row = await TicketRepository(uow.session).get(ticket_id)
    response.headers["ETag"] = etag_of(row.version)
    return ticket_out(row)


@router.get("/{ticket_id}/timeline", response_model=Timeline)
async def get_timeline(
    ticket_id: uuid.UUID, db: DatabaseDep, principal: Principal = Staff
) -> Timeline:
    async with db.uow() as uow:
        repo = TicketRepository(uow.session)
        await repo.get(ticket_id)
        rows = await repo.timeline(ticket_id)
    return Timeline(ticket_id=ticket_id, entries=[timeline_entry(r) for r in rows])
