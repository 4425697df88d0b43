"""The partner point's records: its workshop register with the days each unit has been in,
the stock at the point, its requisitions and the defective parts it must send back; and the
month's statement (its work, the deductions with their reasons, what is held for review, what
it is paid), the cash it still owes, and its scorecard with the grade. Dispatch's, billing's
and feedback's, read with the point's own token."""

from __future__ import annotations

import asyncio
import re
import uuid
from datetime import datetime
from typing import Any

from aftersales_client.api.billing import cash_on_site, get_settlements
from aftersales_client.api.dispatch import (
    list_requisitions,
    list_returns,
    receive_requisition,
    request_requisition,
    ship_return,
    stock_levels,
    workshop_queue,
)
from aftersales_client.api.feedback import point_scorecards
from aftersales_client.models import ReceiveIn, RequisitionIn, ReturnShipIn
from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse
from starlette.responses import Response

from console.domain.problems import Problem, unreadable
from console.domain.sessions import PREFIX
from console.pages.common import Posted, SignedIn, api, idempotency_key
from console.pages.point import _mine
from console.web import SHANGHAI, render

router = APIRouter(prefix=f"{PREFIX}/point")
MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


def items(found: Any) -> Any:
    """A page's items, a list's items, or the problem that keeps them from showing."""
    if isinstance(found, Problem):
        return found
    return found["items"] if isinstance(found, dict) else found


@router.get("/workshop")
async def workshop(request: Request, session: SignedIn) -> Response:
    return await _workshop_page(request, session)


async def _workshop_page(request: Request, session: Any, **extra: Any) -> Response:
    call = api(request, session)
    point = _mine(session)
    error: Problem | None = extra.get("error")
    register, stock, requisitions, returns = await asyncio.gather(
        call.part("dispatch", workshop_queue.asyncio_detailed, point),
        call.part("dispatch", stock_levels.asyncio_detailed, location_id=point, limit=100),
        call.part("dispatch", list_requisitions.asyncio_detailed, point_id=point, limit=50),
        call.part("dispatch", list_returns.asyncio_detailed, point_id=point, status="due"),
    )
    return render(
        request,
        "point/workshop.html",
        {
            "register": items(register),
            "stock": items(stock),
            "requisitions": items(requisitions),
            "returns": items(returns),
            "new_key": uuid.uuid4,
            "done": request.query_params.get("done"),
            **extra,
        },
        status=error.status if error else 200,
    )


async def _stock_write(
    request: Request, session: Any, form: Any, what: str, operation: Any, *args: Any, **kw: Any
) -> Response:
    """A write of the workshop page: done, back to it; refused, the page again with the
    problem beside the form (``failed``: the requisition or return it concerns)."""
    try:
        await api(request, session).write(
            "dispatch", operation, *args, key=idempotency_key(form), **kw
        )
    except Problem as problem:
        if problem.kind not in ("invalid", "conflict", "stale"):
            raise
        failed = str(args[0]) if args else what
        return await _workshop_page(
            request, session, error=problem, failed=failed, values=dict(form)
        )
    return RedirectResponse(f"{PREFIX}/point/workshop?done={what}", status_code=303)


@router.post("/requisitions")
async def ask_for_parts(request: Request, session: Posted) -> Response:
    """The point asks for a part for its stock, or for a job waiting for it."""
    form = await request.form()
    qty = str(form.get("qty") or "").strip()
    body: dict[str, Any] = {
        "lines": [{"sku": str(form.get("sku") or "").strip(), "qty": int(qty or 0)}]
        if qty.isdigit()
        else [],
        "urgent": form.get("urgent") == "on",
    }
    if not body["lines"]:
        return await _workshop_page(
            request, session, error=unreadable(), failed="requisition", values=dict(form)
        )
    return await _stock_write(
        request,
        session,
        form,
        "requisition",
        request_requisition.asyncio_detailed,
        body=RequisitionIn.from_dict(body),
    )


@router.post("/requisitions/{requisition_id}/receive")
async def receive_parts(request: Request, requisition_id: uuid.UUID, session: Posted) -> Response:
    """The parts shipped have arrived: each line received as shipped (into the point's
    stock)."""
    form = await request.form()
    lines = [
        {"sku": sku, "qty": int(str(qty))}
        for sku, qty in zip(form.getlist("sku"), form.getlist("qty"), strict=False)
        if str(qty).isdigit()
    ]
    return await _stock_write(
        request,
        session,
        form,
        "received",
        receive_requisition.asyncio_detailed,
        requisition_id,
        body=ReceiveIn.from_dict({"lines": lines}),
    )


@router.post("/returns/{return_id}/ship")
async def send_back(request: Request, return_id: uuid.UUID, session: Posted) -> Response:
    """A defective part sent back, with its carrier and tracking number."""
    form = await request.form()
    body = {k: str(form.get(k) or "").strip() or None for k in ("carrier", "tracking_no")}
    return await _stock_write(
        request,
        session,
        form,
        "returned",
        ship_return.asyncio_detailed,
        return_id,
        body=ReturnShipIn.from_dict(body),
    )


@router.get("/month")
async def month(request: Request, session: SignedIn) -> Response:
    asked = request.query_params.get("month") or ""
    shown = asked if MONTH.match(asked) else datetime.now(SHANGHAI).strftime("%Y-%m")
    call = api(request, session)
    point = _mine(session)
    statements, cash, cards = await asyncio.gather(
        call.part("billing", get_settlements.asyncio_detailed, month=shown, point_id=point),
        call.part("billing", cash_on_site.asyncio_detailed, point_id=point, outstanding=True),
        call.part("feedback", point_scorecards.asyncio_detailed, month=shown, point_id=point),
    )
    statement = items(statements)
    card = items(cards)
    return render(
        request,
        "point/month.html",
        {
            "month": shown,
            "statement": statement if isinstance(statement, Problem) else (statement or [None])[0],
            "cash": cash,
            "card": card if isinstance(card, Problem) else (card or [None])[0],
        },
    )
