"""The partner point's records: its workshop register with the days each unit has been in,
the stock at the point, its requisitions and the defective parts it must send back; and the
month's statement (its work, the deductions with their reasons, what is held for review, what
it is paid), the cash it still owes, and its scorecard with the grade. Dispatch's, billing's
and feedback's, read with the point's own token."""

from __future__ import annotations

import asyncio
import re
from datetime import datetime
from typing import Any

from aftersales_client.api.billing import cash_on_site, get_settlements
from aftersales_client.api.dispatch import (
    list_requisitions,
    list_returns,
    stock_levels,
    workshop_queue,
)
from aftersales_client.api.feedback import point_scorecards
from fastapi import APIRouter, Request
from starlette.responses import Response

from console.domain.problems import Problem
from console.domain.sessions import PREFIX
from console.pages.common import SignedIn, api
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
    call = api(request, session)
    point = _mine(session)
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
        },
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
