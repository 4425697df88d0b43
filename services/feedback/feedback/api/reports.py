"""Reports for management (monthly work records) and the quality department."""

from __future__ import annotations

from collections import defaultdict
from fractions import Fraction
from typing import Any

from fastapi import APIRouter, Query

from aftersales.auth import Principal
from aftersales.http.deps import DatabaseDep
from aftersales.http.exports import CSV_RESPONSES, ExportFormat, FormatQuery, csv_response
from feedback.adapters.repositories.reports import ReportRepository
from feedback.api.deps import PolicyDep
from feedback.api.schemas import QualityReport, WorkReport
from feedback.api.scope import Centre
from feedback.domain.months import months_between, parse_month
from feedback.use_cases.work_report import COLUMNS as WORK_COLUMNS
from feedback.use_cases.work_report import flat, work_report

router = APIRouter(prefix="/v1/reports", tags=["reports"])
MonthQ = Query(pattern=r"^\d{4}-(0[1-9]|1[0-2])$", description="YYYY-MM")


def _rate(part: int, whole: int) -> float | None:
    return round(float(Fraction(part, whole)), 4) if whole else None


@router.get("/work", response_model=WorkReport, responses=CSV_RESPONSES)
async def work_records(
    db: DatabaseDep,
    policy: PolicyDep,
    month: str = MonthQ,
    format: ExportFormat = FormatQuery,
    principal: Principal = Centre,
) -> Any:
    """Every visit leaves a work record; this is the month's report per technician, per point
    and per staff member of the centre (the monthly report to management): the work, the six
    callback outcomes, and each person's strikes and reward of the month."""
    parse_month(month)
    async with db.uow() as uow:
        await uow.snapshot()
        sections = await work_report(uow, month, policy=policy)
    if format == "csv":
        return csv_response(
            (flat(r) for r in (*sections["technician"], *sections["point"], *sections["staff"])),
            WORK_COLUMNS,
            filename=f"work-records-{month}.csv",
        )
    return WorkReport(
        month=month,
        technicians=sections["technician"],
        points=sections["point"],
        staff=sections["staff"],
    )


@router.get("/quality", response_model=QualityReport)
async def quality_report(
    db: DatabaseDep,
    first: str = Query(alias="from", pattern=r"^\d{4}-(0[1-9]|1[0-2])$"),
    last: str = Query(alias="to", pattern=r"^\d{4}-(0[1-9]|1[0-2])$"),
    comments: int = Query(default=50, ge=0, le=500),
    batch_prefix: int = Query(
        default=6, ge=1, le=20, description="how many serial characters name a batch"
    ),
    principal: Principal = Centre,
) -> QualityReport:
    """For the quality department: faults by product model and by part, repeat-failure rates
    per model, and what customers said on their callbacks."""
    months = months_between(first, last)
    async with db.uow() as uow:
        await uow.snapshot()
        repo = ReportRepository(uow.session)
        by_model = await repo.quality(months)
        faults = await repo.faults(months, batch_prefix=batch_prefix)
        parts = await repo.parts_by_model(months)
        said = await repo.comments(months, comments)
    part_totals: dict[str, dict[str, Any]] = defaultdict(
        lambda: {"replaced": 0, "jobs": 0, "models": {}}
    )
    for model, sku, qty, jobs in parts:
        entry = part_totals[sku]
        entry["replaced"] += int(qty)
        entry["jobs"] += int(jobs)
        entry["models"][model] = entry["models"].get(model, 0) + int(qty)
    return QualityReport(
        months=months,
        models=sorted(
            (
                {
                    "model": model,
                    "category": category,
                    "jobs": int(jobs),
                    "tickets": int(tickets),
                    "repeat_visits": int(repeat),
                    "repeat_failure_rate": _rate(int(repeat), int(tickets)),
                    "not_fixed_callbacks": int(not_fixed),
                }
                for model, category, jobs, tickets, repeat, not_fixed in by_model
            ),
            key=lambda m: (-m["jobs"], m["model"]),
        ),
        faults=[
            {
                "model": model,
                "batch": batch,
                "symptom_code": symptom,
                "cause_code": cause,
                "action_code": action,
                "outcome": outcome or "fixed",
                "jobs": int(jobs),
            }
            for model, batch, symptom, cause, action, outcome, jobs in faults
        ],
        parts=sorted(
            ({"sku": sku, **v} for sku, v in part_totals.items()),
            key=lambda p: (-p["replaced"], p["sku"]),
        ),
        comments=[
            {
                "model": model,
                "outcome": outcome,
                "score": score,
                "comment": comment,
                "at": at.isoformat() if at else None,
            }
            for model, outcome, score, comment, at in said
        ],
    )
