"""Spare-parts reports, as JSON or CSV (``?format=csv``)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import asdict
from typing import Any

from fastapi import APIRouter, Query
from pydantic import BaseModel

from aftersales.auth import Principal, require_roles
from aftersales.calendar import MONTH_PATTERN
from aftersales.http.deps import DatabaseDep
from aftersales.http.exports import CSV_RESPONSES, ExportFormat, FormatQuery, csv_response
from dispatch.api.deps import PolicyDep
from dispatch.api.schemas.parts_reports import (
    ConsumptionRow,
    PointOwesRow,
    SlowMoverRow,
    StockValueRow,
)
from dispatch.use_cases import parts_reports as reports

router = APIRouter(prefix="/v1/reports", tags=["parts reports"])
Readers = require_roles("admin", "finance", "agent")


def _answer(rows: Sequence[Any], model: type[BaseModel], format: str, filename: str) -> Any:
    out = [model(**asdict(r)) for r in rows]
    if format == "csv":
        return csv_response(
            (o.model_dump(mode="json") for o in out), list(model.model_fields), filename=filename
        )
    return out


@router.get("/stock-value", response_model=list[StockValueRow], responses=CSV_RESPONSES)
async def stock_value(
    db: DatabaseDep, format: ExportFormat = FormatQuery, principal: Principal = Readers
) -> Any:
    """What each location holds, at the parts' standard cost, most valuable first."""
    async with db.uow() as uow:
        rows = await reports.stock_value(uow)
    return _answer(rows, StockValueRow, format, "stock-value.csv")


@router.get("/parts-consumption", response_model=list[ConsumptionRow], responses=CSV_RESPONSES)
async def parts_consumption(
    db: DatabaseDep,
    policy: PolicyDep,
    month: str = Query(pattern=MONTH_PATTERN, description="YYYY-MM, business time"),
    point_id: uuid.UUID | None = None,
    format: ExportFormat = FormatQuery,
    principal: Principal = Readers,
) -> Any:
    """Parts issued to jobs in the month, per point, SKU and service class."""
    async with db.uow() as uow:
        rows = await reports.consumption(uow, month, point_id, policy=policy)
    return _answer(rows, ConsumptionRow, format, f"parts-consumption-{month}.csv")


@router.get("/slow-movers", response_model=list[SlowMoverRow], responses=CSV_RESPONSES)
async def slow_movers(
    db: DatabaseDep,
    days: int = Query(default=90, ge=1, le=3650, description="not gone out for this long"),
    limit: int = Query(default=500, ge=1, le=5000),
    format: ExportFormat = FormatQuery,
    principal: Principal = Readers,
) -> Any:
    """Parts with stock that have not moved for `days` (JSON or `?format=csv`)."""
    async with db.uow() as uow:
        rows = await reports.slow_movers(uow, days, limit)
    return _answer(rows, SlowMoverRow, format, f"slow-movers-{days}d.csv")


@router.get("/points-owe-parts", response_model=list[PointOwesRow], responses=CSV_RESPONSES)
async def points_owe_parts(
    db: DatabaseDep, format: ExportFormat = FormatQuery, principal: Principal = Readers
) -> Any:
    """Per point: the shortfall its books show and the defective parts still to come back."""
    async with db.uow() as uow:
        rows = await reports.points_owe(uow)
    return _answer(rows, PointOwesRow, format, "points-owe-parts.csv")
