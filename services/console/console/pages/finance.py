"""Finance's pages: the review queue (clear a flag, or adjust it), the money the field still
holds (record a partner's remittance, reconcile a non-cash payment), the refunds awaiting
approval, and the month's close with what blocks it. Everything is billing's, with the
finance person's own token."""

from __future__ import annotations

import asyncio
import uuid
from collections import defaultdict
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from aftersales_client.api.billing import (
    adjust_review,
    approve_refund,
    cash_on_site,
    clear_review,
    close_month,
    get_settlements,
    list_payments,
    list_refunds,
    list_reviews,
    reconcile_payments,
    remit_cash,
)
from aftersales_client.models import (
    AdjustIn,
    CashRemittanceIn,
    ClearIn,
    CloseMonthIn,
    ReconcileIn,
    RefundApprovalIn,
)
from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse
from starlette.responses import Response

from console.domain.problems import Problem
from console.domain.sessions import PREFIX
from console.pages.common import Posted, SignedIn, api, cursor_of, idempotency_key
from console.web import SHANGHAI, render

router = APIRouter(prefix=f"{PREFIX}/finance")


def fen(value: Any) -> int | None:
    """An amount typed in yuan (``45.50``) in fen; None when empty or not an amount."""
    text = str(value or "").strip()
    if not text:
        return None
    try:
        amount = Decimal(text)
    except InvalidOperation:
        return None
    return int(amount * 100) if amount > 0 and amount == amount.quantize(Decimal("0.01")) else None


def last_month() -> str:
    now = datetime.now(SHANGHAI)
    year, month = (now.year, now.month - 1) if now.month > 1 else (now.year - 1, 12)
    return f"{year:04d}-{month:02d}"


async def _page(request: Request, session: Any, **extra: Any) -> Response:
    call = api(request, session)
    month = str(request.query_params.get("month") or extra.pop("month", None) or last_month())
    # The page's parts at once; the review queue pages with its cursor.
    reviews, cash, payments, refunds, statements = await asyncio.gather(
        call.part(
            "billing",
            list_reviews.asyncio_detailed,
            status="open",
            limit=100,
            **cursor_of(request),
        ),
        call.part("billing", cash_on_site.asyncio_detailed, outstanding=True),
        call.part("billing", list_payments.asyncio_detailed, unreconciled=True),
        call.part("billing", list_refunds.asyncio_detailed, status="awaiting_approval"),
        call.part("billing", get_settlements.asyncio_detailed, month=month),
    )
    owed: dict[str, list[dict[str, Any]]] = defaultdict(list)
    if not isinstance(cash, Problem):
        for p in cash["items"]:
            if p["status"] in ("held", "at_office") and p["point_id"]:
                owed[p["point_id"]].append(p)
    status = extra.pop("status", 200)
    return render(
        request,
        "finance/home.html",
        {
            "reviews": reviews,
            "cash": cash,
            "owed": dict(owed),
            "payments": payments,
            "refunds": refunds,
            "statements": statements,
            "month": month,
            "new_key": uuid.uuid4,
            "done": request.query_params.get("done"),
            **extra,
        },
        status=status,
    )


@router.get("/")
async def home(request: Request, session: SignedIn) -> Response:
    return await _page(request, session)


async def _write(
    request: Request, session: Any, operation: Any, *args: Any, done: str, **kwargs: Any
) -> Response:
    form = await request.form()
    try:
        await api(request, session).write(
            "billing", operation, *args, key=idempotency_key(form), **kwargs
        )
    except Problem as problem:
        if problem.kind not in ("invalid", "conflict", "stale"):
            raise
        return await _page(request, session, status=problem.status, error=problem, failed=done)
    month = form.get("month")
    back = f"{PREFIX}/finance/?done={done}" + (f"&month={month}" if month else "")
    return RedirectResponse(back, status_code=303)


def _invalid(what: str) -> Problem:
    return Problem("console", 422, what)


@router.post("/reviews/{review_id}/clear")
async def clear(request: Request, review_id: uuid.UUID, session: Posted) -> Response:
    form = await request.form()
    body: dict[str, Any] = {"note": str(form.get("note") or "").strip()}
    if form.get("basis"):
        body["basis"] = str(form.get("basis"))
    return await _write(
        request,
        session,
        clear_review.asyncio_detailed,
        review_id,
        done="cleared",
        body=ClearIn.from_dict(body),
    )


@router.post("/reviews/{review_id}/adjust")
async def adjust(request: Request, review_id: uuid.UUID, session: Posted) -> Response:
    form = await request.form()
    body: dict[str, Any] = {"note": str(form.get("note") or "").strip()}
    for field in ("credit", "point_deduction"):
        if form.get(field):
            amount = fen(form.get(field))
            if amount is None:
                return await _page(
                    request,
                    session,
                    status=422,
                    failed="adjusted",
                    error=_invalid(f"{field}: an amount in yuan, above zero (e.g. 45.50)"),
                )
            body[field] = {"amount": amount, "currency": "CNY"}
    return await _write(
        request,
        session,
        adjust_review.asyncio_detailed,
        review_id,
        done="adjusted",
        body=AdjustIn.from_dict(body),
    )


@router.post("/remittances")
async def remit(request: Request, session: Posted) -> Response:
    """A partner point paid the company the cash its technicians took: every payment it still
    owes, with the bank transfer's reference."""
    form = await request.form()
    point_id = str(form.get("point_id") or "")
    ids = [str(v) for v in form.getlist("payment_id")]
    body = {"point_id": point_id, "payment_ids": ids, "reference": str(form.get("reference") or "")}
    return await _write(
        request,
        session,
        remit_cash.asyncio_detailed,
        done="remitted",
        body=CashRemittanceIn.from_dict(body),
    )


@router.post("/reconciliations")
async def reconcile(request: Request, session: Posted) -> Response:
    """A non-cash payment found on the provider's statement."""
    form = await request.form()
    amount = fen(form.get("amount"))
    if amount is None:
        return await _page(
            request,
            session,
            status=422,
            failed="reconciled",
            error=_invalid("amount: what the statement shows, in yuan"),
        )
    body = {
        "method": str(form.get("method") or ""),
        "statement_ref": str(form.get("statement_ref") or ""),
        "payments": [{"reference": str(form.get("reference") or ""), "amount": {"amount": amount}}],
    }
    return await _write(
        request,
        session,
        reconcile_payments.asyncio_detailed,
        done="reconciled",
        body=ReconcileIn.from_dict(body),
    )


@router.post("/refunds/{refund_id}/approve")
async def approve(request: Request, refund_id: uuid.UUID, session: Posted) -> Response:
    form = await request.form()
    amount = fen(form.get("amount"))
    if amount is None:
        return await _page(
            request,
            session,
            status=422,
            failed="approved",
            error=_invalid("amount: what the proof of sale shows, in yuan"),
        )
    body = {"amount": {"amount": amount}, "note": str(form.get("note") or "").strip()}
    return await _write(
        request,
        session,
        approve_refund.asyncio_detailed,
        refund_id,
        done="approved",
        body=RefundApprovalIn.from_dict(body),
    )


@router.post("/months/{month}/close")
async def close(request: Request, month: str, session: Posted) -> Response:
    form = await request.form()
    body: dict[str, Any] = {}
    if form.get("force"):
        body = {"force": True, "reason": str(form.get("reason") or "").strip() or None}
    return await _write(
        request,
        session,
        close_month.asyncio_detailed,
        month,
        done="closed",
        body=CloseMonthIn.from_dict(body),
    )
