"""The information centre's own record: its answers against ``respond_by``, its volumes by kind
and channel, and what it solved on the phone (:mod:`intake.domain.centre`)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query, Request

from aftersales.auth import Principal
from aftersales.calendar import MONTH_PATTERN, month_bounds
from aftersales.http.deps import DatabaseDep
from aftersales.http.exports import CSV_RESPONSES, ExportFormat, FormatQuery, csv_response
from intake.adapters.centre_record import centre_counts
from intake.api.deps import PolicyDep
from intake.api.schemas.reports import CentreReport
from intake.api.scope import Centre

router = APIRouter(prefix="/v1/reports", tags=["reports"])
CSV_COLUMNS = ("month", "measure", "key", "value")


def _wants_csv(request: Request, format: str) -> bool:
    return format == "csv" or "text/csv" in request.headers.get("accept", "")


@router.get("/centre", response_model=CentreReport, responses=CSV_RESPONSES)
async def centre_report(
    request: Request,
    db: DatabaseDep,
    policy: PolicyDep,
    month: str = Query(pattern=MONTH_PATTERN, description="YYYY-MM, in the business's time"),
    format: ExportFormat = FormatQuery,
    principal: Principal = Centre,
) -> Any:
    """The month's requests (by when they were opened): answered by `respond_by`
    (`answered_in_time`, `answer_rate`), counts by kind and channel, and the share solved on
    the phone. JSON, or CSV with `Accept: text/csv` or `?format=csv` (a row per measure)."""
    start, end = month_bounds(month, policy.timezone)
    async with db.uow() as uow:
        await uow.snapshot()
        now = uow.now()
        counts = await centre_counts(uow.session, start, end, now)
    report = CentreReport(
        month=month,
        as_of=now,
        tickets=counts.tickets,
        answers_due=counts.answers_due,
        answered=counts.answered,
        answered_in_time=counts.answered_in_time,
        answer_rate=counts.answer_rate,
        by_kind=counts.by_kind,
        by_channel=counts.by_channel,
        solved_on_phone=counts.solved_on_phone,
        solved_on_phone_rate=counts.solved_on_phone_rate,
    )
    if not _wants_csv(request, format):
        return report
    rows: list[dict[str, Any]] = [
        {"month": month, "measure": measure, "key": "", "value": getattr(report, measure)}
        for measure in (
            "tickets",
            "answers_due",
            "answered",
            "answered_in_time",
            "answer_rate",
            "solved_on_phone",
            "solved_on_phone_rate",
        )
    ]
    for measure, counted in (("kind", report.by_kind), ("channel", report.by_channel)):
        rows += [
            {"month": month, "measure": measure, "key": key, "value": n}
            for key, n in counted.items()
        ]
    return csv_response(rows, CSV_COLUMNS, filename=f"centre-{month}.csv")
