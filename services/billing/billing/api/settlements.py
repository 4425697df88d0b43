from __future__ import annotations

import uuid
from typing import Any

from fastapi import APIRouter, Path, Query, Request
from starlette.responses import Response

from aftersales.audit import Audit
from aftersales.auth import Principal, confined_point
from aftersales.calendar import MONTH_PATTERN
from aftersales.errors import Unprocessable
from aftersales.http.deps import DatabaseDep
from aftersales.http.exports import CSV_RESPONSES, ExportFormat, FormatQuery, csv_response
from aftersales.http.idempotency import run_command
from aftersales.unit_of_work import UnitOfWork
from billing.api.deps import PolicyDep
from billing.api.schemas.settlements import CloseMonthIn, Statements
from billing.api.scope import Finance, SettlementReaders, actor_of
from billing.use_cases import settlements

router = APIRouter(prefix="/v1/settlements", tags=["settlements"])
Month = Query(pattern=MONTH_PATTERN, description="YYYY-MM")

CSV_COLUMNS = (
    "point_id",
    "month",
    "status",
    "jobs",
    "jobs_A",
    "jobs_B",
    "jobs_C",
    "gross",
    "grade",
    "grade_factor_percent",
    "graded",
    "deductions_total",
    "rewards_total",
    "net",
    "currency",
    "closed_at",
)


def _csv_row(doc: dict[str, Any]) -> dict[str, Any]:
    return {
        **{
            k: doc[k]
            for k in (
                "point_id",
                "month",
                "status",
                "jobs",
                "grade",
                "grade_factor_percent",
                "closed_at",
            )
        },
        **{f"jobs_{c}": doc["by_class"][c]["jobs"] for c in ("A", "B", "C")},
        "gross": doc["gross"]["amount"],
        "graded": doc["graded"]["amount"],
        "deductions_total": doc["deductions_total"]["amount"],
        # A statement closed before rewards were paid through settlements has none.
        "rewards_total": doc.get("rewards_total", {}).get("amount", 0),
        "net": doc["net"]["amount"],
        "currency": doc["net"]["currency"],
    }


@router.get("", response_model=Statements, responses=CSV_RESPONSES)
async def get_settlements(
    db: DatabaseDep,
    policy: PolicyDep,
    month: str = Month,
    point_id: uuid.UUID | None = None,
    format: ExportFormat = FormatQuery,
    principal: Principal = SettlementReaders,
) -> Any:
    """What the company owes each point for the month: by class, the grade factor, its staff's
    rewards and the deductions. Open months are computed on the fly; closed months are frozen."""
    point_id = confined_point(principal, point_id, what="settlement")
    async with db.uow() as uow:
        await uow.snapshot()
        docs = await settlements.statements(uow, month, point_id, policy=policy)
    if format == "csv":
        return csv_response(
            (_csv_row(d) for d in docs), CSV_COLUMNS, filename=f"settlements-{month}.csv"
        )
    return Statements(month=month, items=docs)


@router.post("/{month}/close", response_model=Statements)
async def close_month(
    request: Request,
    db: DatabaseDep,
    policy: PolicyDep,
    body: CloseMonthIn | None = None,
    month: str = Path(pattern=MONTH_PATTERN, description="YYYY-MM"),
    principal: Principal = Finance,
) -> Response:
    """Freeze every point's statement for the month and publish it
    (``billing.settlement.closed.v1``); facts arriving later count in the next open month.
    The month must have been graded by feedback (``feedback.grading.completed.v1``) unless
    finance forces the close with ``{"force": true, "reason": "..."}``."""
    force = body or CloseMonthIn()
    if force.force and not force.reason:
        raise Unprocessable("Forcing a close before the month is graded needs a reason.")
    if force.reason and not force.force:
        raise Unprocessable('A reason is given with "force": true only.')

    async def command(uow: UnitOfWork) -> Statements:
        docs = await settlements.close_month(
            uow, month, actor=actor_of(principal), policy=policy, force_reason=force.reason
        )
        return Statements(month=month, items=docs)

    return await run_command(
        request,
        db,
        command,
        principal=principal,
        status_code=200,
        audit=Audit("settlement_month", "closed", object_id=month),
    )
