"""The information centre's desk: find the caller (by phone, name or serial), see their
products with the warranty state and every ticket with its timeline, open a ticket with the
agreed slot in one screen, answer a request that needs no visit, pause or resume it, cancel
it; the callbacks due (the audit sample first, as the queue gives them) and the open
complaints with their clocks. Everything is intake's and feedback's, with the agent's token."""

from __future__ import annotations

import re
import uuid
from typing import Any

from aftersales_client.api.feedback import list_callbacks, list_complaints, post_result
from aftersales_client.api.intake import (
    cancel_ticket,
    create_ticket,
    get_customer,
    get_ticket,
    get_timeline,
    list_tickets,
    pause_ticket,
    products_of_customer,
    resolve_remotely,
    resume_ticket,
    search_customers,
    search_products,
)
from aftersales_client.models import (
    CallbackResultIn,
    CancelIn,
    PauseIn,
    ResolveRemotelyIn,
    TicketIn,
)
from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse
from starlette.responses import Response

from console.domain.problems import Problem, changed_since, unreadable
from console.domain.sessions import PREFIX
from console.pages.common import Posted, SignedIn, api, cursor_of, idempotency_key
from console.web import form_time, render

router = APIRouter(prefix=f"{PREFIX}/agent")
KINDS = ("repair", "install", "relocation", "maintenance", "consultation", "training", "complaint")
PAUSE_REASONS = ("awaiting_customer", "awaiting_parts", "other")
OUTCOMES = (
    "satisfied",
    "unsatisfied",
    "not_fixed_first_visit",
    "not_fixed_repeat",
    "bad_attitude",
    "complaint",
)
PHONE = re.compile(r"^\+?[\d\s-]{7,20}$")


def _base(request: Request, extra: dict[str, Any] | None = None) -> dict[str, Any]:
    return {"new_key": uuid.uuid4, **(extra or {})}


@router.get("/")
async def desk(request: Request, session: SignedIn, q: str | None = None) -> Response:
    """The desk: one box finds the caller by phone, name or serial."""
    found: Any = None
    products: Any = None
    if q and q.strip():
        call = api(request, session)
        text = q.strip()
        if PHONE.match(text):
            found = await call.part("intake", search_customers.asyncio_detailed, phone=text)
        else:
            found = await call.part("intake", search_customers.asyncio_detailed, name=text)
            products = await call.part("intake", search_products.asyncio_detailed, serial_no=text)
    return render(
        request,
        "agent/desk.html",
        _base(request, {"q": q or "", "found": found, "products": products}),
    )


async def _customer_page(
    request: Request, session: Any, customer_id: uuid.UUID, **extra: Any
) -> Response:
    call = api(request, session)
    customer = await call("intake", get_customer.asyncio_detailed, customer_id)
    products = await call.part(
        "intake", products_of_customer.asyncio_detailed, customer_id, limit=100
    )
    tickets = await call.part(
        "intake",
        list_tickets.asyncio_detailed,
        customer_id=customer_id,
        limit=50,
        **cursor_of(request),
    )
    status = extra.pop("status", 200)
    return render(
        request,
        "agent/customer.html",
        _base(
            request,
            {
                "customer": customer,
                "products": products,
                "tickets": tickets,
                "kinds": KINDS,
                **extra,
            },
        ),
        status=status,
    )


@router.get("/customers/{customer_id}")
async def customer(request: Request, customer_id: uuid.UUID, session: SignedIn) -> Response:
    return await _customer_page(request, session, customer_id)


@router.post("/customers/{customer_id}/tickets")
async def open_ticket(request: Request, customer_id: uuid.UUID, session: Posted) -> Response:
    """A ticket with the slot agreed with the caller, in one post."""
    form = await request.form()
    body: dict[str, Any] = {
        "customer_id": str(customer_id),
        "kind": str(form.get("kind") or "repair"),
        "description": str(form.get("description") or "").strip(),
        "channel": "hotline",
    }
    if form.get("product_id"):
        body["product_id"] = str(form.get("product_id"))
    try:
        if form.get("slot_start") and form.get("slot_end"):
            body["preferred_window"] = {
                "start": form_time(form.get("slot_start")).isoformat(),
                "end": form_time(form.get("slot_end")).isoformat(),
            }
    except ValueError:
        return await _customer_page(
            request,
            session,
            customer_id,
            status=422,
            error=unreadable(),
            form_error=True,
            values=dict(form),
        )
    try:
        ticket = await api(request, session).write(
            "intake",
            create_ticket.asyncio_detailed,
            key=idempotency_key(form),
            body=TicketIn.from_dict(body),
        )
    except Problem as problem:
        if problem.kind not in ("invalid", "conflict"):
            raise
        return await _customer_page(
            request,
            session,
            customer_id,
            status=problem.status,
            error=problem,
            form_error=True,
            values=dict(form),
        )
    return RedirectResponse(f"{PREFIX}/agent/tickets/{ticket['id']}?done=opened", status_code=303)


async def _ticket_page(
    request: Request, session: Any, ticket_id: uuid.UUID, **extra: Any
) -> Response:
    call = api(request, session)
    ticket = await call("intake", get_ticket.asyncio_detailed, ticket_id)
    timeline = await call.part("intake", get_timeline.asyncio_detailed, ticket_id)
    status = extra.pop("status", 200)
    seen = extra.pop("seen", None)
    return render(
        request,
        "agent/ticket.html",
        _base(
            request,
            {
                "ticket": ticket,
                "timeline": timeline,
                "changed": changed_since(timeline, seen),
                "pause_reasons": PAUSE_REASONS,
                "done": request.query_params.get("done"),
                **extra,
            },
        ),
        status=status,
    )


@router.get("/tickets/{ticket_id}")
async def ticket(request: Request, ticket_id: uuid.UUID, session: SignedIn) -> Response:
    return await _ticket_page(request, session, ticket_id)


@router.post("/tickets/{ticket_id}/{action}")
async def ticket_action(
    request: Request, ticket_id: uuid.UUID, action: str, session: Posted
) -> Response:
    """Answer without a visit, pause with a reason, resume, or cancel with a reason."""
    form = await request.form()
    text = str(form.get("note") or form.get("reason") or "").strip()
    calls: dict[str, tuple[Any, dict[str, Any]]] = {
        "resolve": (resolve_remotely.asyncio_detailed, {"body": ResolveRemotelyIn(note=text)}),
        "pause": (
            pause_ticket.asyncio_detailed,
            {
                "body": PauseIn.from_dict(
                    {
                        "reason": str(form.get("reason") or ""),
                        **({"note": str(form.get("note"))} if form.get("note") else {}),
                    }
                )
            },
        ),
        "resume": (resume_ticket.asyncio_detailed, {}),
        "cancel": (cancel_ticket.asyncio_detailed, {"body": CancelIn(reason=text)}),
    }
    if action not in calls:
        return await _ticket_page(request, session, ticket_id, status=404)
    operation, kwargs = calls[action]
    try:
        await api(request, session).write(
            "intake",
            operation,
            ticket_id,
            key=idempotency_key(form),
            version=str(form.get("version") or ""),
            **kwargs,
        )
    except (Problem, ValueError) as problem:
        if isinstance(problem, Problem) and problem.kind not in ("invalid", "conflict", "stale"):
            raise
        shown = problem if isinstance(problem, Problem) else Problem("intake", 422, str(problem))
        return await _ticket_page(
            request,
            session,
            ticket_id,
            status=shown.status,
            error=shown,
            form_error=action,
            values=dict(form),
            seen=str(form.get("seen") or "") if shown.kind == "stale" else None,
        )
    return RedirectResponse(f"{PREFIX}/agent/tickets/{ticket_id}?done={action}", status_code=303)


@router.get("/callbacks")
async def callbacks(request: Request, session: SignedIn) -> Response:
    """The callbacks due: the audit sample first (they must ask whether someone came), then
    the oldest."""
    due = await api(request, session).part(
        "feedback", list_callbacks.asyncio_detailed, status="due", limit=100, **cursor_of(request)
    )
    return render(
        request,
        "agent/callbacks.html",
        _base(
            request, {"due": due, "outcomes": OUTCOMES, "done": request.query_params.get("done")}
        ),
    )


@router.post("/callbacks/{callback_id}")
async def record_callback(request: Request, callback_id: uuid.UUID, session: Posted) -> Response:
    form = await request.form()
    reached = form.get("reached") != "no"
    body: dict[str, Any] = {"reached": reached}
    if reached:
        body["outcome"] = str(form.get("outcome") or "satisfied")
        body["visit_confirmed"] = str(form.get("visit_confirmed") or "not_asked")
        score = str(form.get("score") or "").strip()
        if score.isdigit():
            body["score"] = int(score)
        if form.get("comment"):
            body["comment"] = str(form.get("comment"))
    try:
        await api(request, session).write(
            "feedback",
            post_result.asyncio_detailed,
            callback_id,
            key=idempotency_key(form),
            body=CallbackResultIn.from_dict(body),
        )
    except Problem as problem:
        if problem.kind not in ("invalid", "conflict"):
            raise
        due = await api(request, session).part(
            "feedback", list_callbacks.asyncio_detailed, status="due", limit=100
        )
        return render(
            request,
            "agent/callbacks.html",
            _base(
                request,
                {"due": due, "outcomes": OUTCOMES, "error": problem, "failed": str(callback_id)},
            ),
            status=problem.status,
        )
    return RedirectResponse(f"{PREFIX}/agent/callbacks?done=recorded", status_code=303)


@router.get("/complaints")
async def complaints(request: Request, session: SignedIn) -> Response:
    found = await api(request, session).part(
        "feedback",
        list_complaints.asyncio_detailed,
        status="open",
        limit=100,
        **cursor_of(request),
    )
    return render(request, "agent/complaints.html", _base(request, {"complaints": found}))
