"""The information centre's own record: its answers against ``respond_by``, its volumes by kind
and channel, and what it solved on the phone (:mod:`intake.domain.centre`); and the quarterly
report to management on direct customers (clause 14, :mod:`intake.domain.business`)."""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from typing import Any

from fastapi import APIRouter, Query, Request

from aftersales.auth import Principal, require_roles
from aftersales.calendar import MONTH_PATTERN, month_bounds
from aftersales.http.deps import DatabaseDep
from aftersales.http.exports import CSV_RESPONSES, ExportFormat, FormatQuery, csv_response
from intake.adapters.centre_record import centre_counts
from intake.adapters.direct_customers import CustomerQuarter, direct_customers_quarter
from intake.api.deps import PolicyDep
from intake.api.schemas.reports import (
    CentreReport,
    DirectCustomerQuarter,
    DirectCustomersReport,
    GuidanceOut,
)
from intake.api.scope import Centre
from intake.domain.business import GUIDANCE_KIND, QUARTER_PATTERN, Duty, quarter_bounds
from intake.domain.clocks import ENDED
from intake.domain.tickets import needs_visit

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


DIRECT_COLUMNS = (
    "quarter",
    "customer_id",
    "name",
    "tickets",
    "visits_requested",
    "visits_done",
    "guidance",
    "guidance_in_time",
    "guidance_late",
    "guidance_tickets",
)


def _quarter_of(found: CustomerQuarter, now: datetime) -> DirectCustomerQuarter:
    guidance = []
    for t in found.tickets:
        if t.kind != GUIDANCE_KIND:
            continue
        duty = Duty(t.complete_by, t.checklist_done_at, t.status in ENDED, t.paused_at is not None)
        result = duty.result(now)
        guidance.append(
            GuidanceOut(
                ticket_id=t.id,
                number=t.number,
                opened_at=t.created_at,
                complete_by=t.complete_by,
                finished_at=t.checklist_done_at,
                status=t.status,
                result=result,
                in_time={"in_time": True, "late": False}.get(result),
            )
        )
    return DirectCustomerQuarter(
        customer_id=found.customer.id,
        name=found.customer.name,
        tenant_id=found.customer.tenant_id,
        tickets=len(found.tickets),
        by_kind=dict(sorted(Counter(t.kind for t in found.tickets).items())),
        visits_requested=sum(1 for t in found.tickets if needs_visit(t.kind)),
        visits_done=found.visits_done,
        guidance=guidance,
        guidance_in_time=sum(1 for g in guidance if g.in_time is True),
        guidance_late=sum(1 for g in guidance if g.in_time is False),
    )


@router.get("/direct-customers", response_model=DirectCustomersReport, responses=CSV_RESPONSES)
async def direct_customers_report(
    request: Request,
    db: DatabaseDep,
    policy: PolicyDep,
    quarter: str = Query(pattern=QUARTER_PATTERN, description="YYYY-Qn, in the business's time"),
    format: ExportFormat = FormatQuery,
    principal: Principal = require_roles("admin"),
) -> Any:
    """The quarterly report to management on direct customers (clause 14): for each, its
    `usage_guidance` tickets opened in the quarter and whether each was finished by its
    deadline, its tickets by kind, and its visits. JSON, or CSV (a row per customer)."""
    start, end = quarter_bounds(quarter, policy.timezone)
    async with db.uow() as uow:
        await uow.snapshot()
        now = uow.now()
        found = await direct_customers_quarter(uow.session, start, end)
        customers = [_quarter_of(c, now) for c in found]
    report = DirectCustomersReport(
        quarter=quarter, start=start, end=end, as_of=now, customers=customers
    )
    if not _wants_csv(request, format):
        return report
    rows = [
        {
            "quarter": quarter,
            **c.model_dump(include=set(DIRECT_COLUMNS)),
            "guidance": len(c.guidance),
            "guidance_tickets": " ".join(f"{g.number}:{g.result}" for g in c.guidance),
        }
        for c in customers
    ]
    return csv_response(rows, DIRECT_COLUMNS, filename=f"direct-customers-{quarter}.csv")
