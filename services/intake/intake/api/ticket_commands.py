"""More commands on a ticket: the visit's slot agreed with the customer, a sample test's sample
arriving, a business customer's checklist item ticked. Same shape as the others
(:func:`intake.api.tickets.ticket_command`): optional ``If-Match``, scoped to the caller's
tenant."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Path, Request
from starlette.responses import Response

from aftersales.auth import Principal
from aftersales.http.deps import DatabaseDep
from intake.api.schemas.common import WindowIn
from intake.api.schemas.tickets import ChecklistTickIn, SampleReceivedIn, TicketOut
from intake.api.scope import Staff
from intake.api.tickets import ticket_command
from intake.use_cases import checklists, samples, windows

router = APIRouter(prefix="/v1/tickets", tags=["tickets"])


@router.put("/{ticket_id}/window", response_model=TicketOut)
async def agree_window(
    ticket_id: uuid.UUID,
    body: WindowIn,
    request: Request,
    db: DatabaseDep,
    principal: Principal = Staff,
) -> Response:
    """The visit's slot, agreed with the customer on the phone: dispatch books within it
    (`intake.ticket.window_agreed.v1`). The same slot again changes nothing; a closed ticket,
    one with no visit, or a technician already on the way is a 409; a slot that ends before it
    starts, or has passed, a 422."""
    cmd = windows.AgreeWindow(start=body.start, end=body.end)
    return await ticket_command(
        request,
        db,
        principal,
        lambda uow, tenant, actor, expected: windows.agree_window(
            uow, ticket_id, cmd, tenant=tenant, actor=actor, expected_version=expected
        ),
    )


@router.post("/{ticket_id}/sample-received", response_model=TicketOut)
async def sample_received(
    ticket_id: uuid.UUID,
    body: SampleReceivedIn,
    request: Request,
    db: DatabaseDep,
    principal: Principal = Staff,
) -> Response:
    """A sample test's sample arrived: its clocks run from `received_at`, so its result is due
    24 hours after the arrival. Once only (409 again); not in the future or before the ticket
    (422)."""
    cmd = samples.SampleReceived(received_at=body.received_at, reference=body.reference)
    return await ticket_command(
        request,
        db,
        principal,
        lambda uow, tenant, actor, expected: samples.sample_received(
            uow, ticket_id, cmd, tenant=tenant, actor=actor, expected_version=expected
        ),
    )


@router.post("/{ticket_id}/checklist/{item}", response_model=TicketOut)
async def tick_checklist_item(
    ticket_id: uuid.UUID,
    request: Request,
    db: DatabaseDep,
    item: str = Path(max_length=40, pattern=r"^[a-z_]+$", description="the item, e.g. posters"),
    body: ChecklistTickIn | None = None,
    principal: Principal = Staff,
) -> Response:
    """Tick one item of a business customer's duty (`dealer_onboarding`, `promotion_support`,
    `usage_guidance`): who and when are recorded, with an optional `note`. The last item
    finishes the work (`checklist_done_at`, in time against `sla.complete_by` or late); the
    ticket may then end (`respond` resolved, `resolve-remotely`). An item not on the ticket's
    checklist is a 404; one ticked already, a ticket without a checklist or an ended one, a
    409."""
    cmd = checklists.TickItem(item=item, note=body.note if body is not None else None)
    return await ticket_command(
        request,
        db,
        principal,
        lambda uow, tenant, actor, expected: checklists.tick_item(
            uow, ticket_id, cmd, tenant=tenant, actor=actor, expected_version=expected
        ),
    )
