"""Scorecards, grading and technicians' discipline."""

from __future__ import annotations

import uuid
from typing import Any

from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from aftersales.audit import Audit
from aftersales.auth import Principal, confined_point, require_roles
from aftersales.calendar import MONTH_PATTERN
from aftersales.errors import NotFound
from aftersales.http.deps import ClockDep, DatabaseDep
from aftersales.http.exports import CSV_RESPONSES, ExportFormat, FormatQuery, csv_response
from aftersales.http.idempotency import run_command
from aftersales.unit_of_work import UnitOfWork
from feedback.adapters.repositories.discipline import StrikeRepository
from feedback.api.deps import PolicyDep
from feedback.api.schemas import (
    CentreScorecard,
    DisciplineOut,
    GradingOut,
    Scorecards,
)
from feedback.api.scope import Admin, Centre, ScorecardReaders
from feedback.api.staff import discipline_record
from feedback.domain.months import parse_month
from feedback.use_cases.centre import centre_card
from feedback.use_cases.scorecards import cards, graded_cards, run_grading

router = APIRouter(tags=["scorecards"])
Month = Query(pattern=MONTH_PATTERN, description="YYYY-MM")
COLUMNS = (
    "jobs",
    "repeat_jobs",
    "callbacks_reached",
    "satisfied",
    "first_visit_reached",
    "first_visit_fixed",
    "attitude_complaints",
    "complaints",
    "breached_jobs",
    "sla_breaches",
    "late_arrivals",
    "unreachable",
    "unsatisfied",
    "complaint_outcomes",
    "not_fixed_first_visit",
    "not_fixed_repeat",
    "satisfaction_rate",
    "first_visit_fix_rate",
    "repeat_visit_rate",
    "complaints_per_100_jobs",
    "sla_compliance",
    "outcome_score",
    "ungraded",
    "no_visits_confirmed",
    "flag_penalty",
)


@router.get("/v1/scorecards", response_model=Scorecards, responses=CSV_RESPONSES)
async def point_scorecards(
    db: DatabaseDep,
    policy: PolicyDep,
    month: str = Month,
    point_id: uuid.UUID | None = None,
    format: ExportFormat = FormatQuery,
    principal: Principal = ScorecardReaders,
) -> Any:
    """Per point: callbacks, each of the six outcomes, satisfaction, first-visit fix rate,
    complaint rate, SLA compliance, the outcome score, the customers who said no one came
    (``no_visits_confirmed``), billing's review flags by rule (``flags``: count and rate per
    job; JSON only), and the grade these figures give (see the grading thresholds; flags weigh
    only with ``FEEDBACK_FLAG_WEIGHTS``); a point no callback reached keeps its grade
    (``ungraded``)."""
    point_id = confined_point(principal, point_id, what="scorecard")
    async with db.uow() as uow:
        await uow.snapshot()
        found = await graded_cards(uow, month, policy=policy, only=point_id)
    items = [c.as_dict("point_id") for c in found]
    if format == "csv":
        return csv_response(
            ({"month": month, **i} for i in items),
            ("month", "point_id", "grade", *COLUMNS),
            filename=f"scorecards-{month}.csv",
        )
    return Scorecards(month=month, items=items)


@router.get("/v1/scorecards/centre", response_model=CentreScorecard)
async def centre_scorecard(
    db: DatabaseDep, month: str = Month, principal: Principal = Centre
) -> CentreScorecard:
    """The information centre's own month: callbacks done late or not at all, complaint replies
    missed. A late callback counts here, never against the point that did the job. The
    centre's answers in time, by kind and channel, and those solved on the phone are intake's
    record (`GET /v1/reports/centre`), linked as `answers`."""
    async with db.uow() as uow:
        await uow.snapshot()
        card = await centre_card(uow, month)
    return CentreScorecard(**card.as_dict(), answers=f"/v1/reports/centre?month={month}")


@router.get("/v1/scorecards/technicians", response_model=Scorecards, responses=CSV_RESPONSES)
async def technician_scorecards(
    db: DatabaseDep,
    policy: PolicyDep,
    month: str = Month,
    technician_id: uuid.UUID | None = None,
    format: ExportFormat = FormatQuery,
    principal: Principal = Centre,
) -> Any:
    """Each technician's month: jobs, each of the six callback outcomes, satisfaction,
    first-visit fix rate, complaints, customers who said no one came."""
    async with db.uow() as uow:
        await uow.snapshot()
        found = await cards(uow, month, policy=policy, by="technician", only=technician_id)
    items = [c.as_dict("technician_id") for c in found]
    if format == "csv":
        return csv_response(
            ({"month": month, **i} for i in items),
            ("month", "technician_id", *COLUMNS),
            filename=f"technician-scorecards-{month}.csv",
        )
    return Scorecards(month=month, items=items)


@router.post("/v1/grading/{month}", response_model=GradingOut)
async def grade_month(
    month: str,
    request: Request,
    db: DatabaseDep,
    policy: PolicyDep,
    principal: Principal = Admin,
) -> Response:
    """Publish every point's grade for the month (``feedback.point.graded.v1``), and decide the
    month's staff rewards (``feedback.staff.rewarded.v1``, once per staff member). A re-run
    publishes only what changed since the last run, and says so."""
    parse_month(month)

    async def command(uow: UnitOfWork) -> GradingOut:
        run = await run_grading(uow, month, policy=policy)
        return GradingOut(
            month=month,
            published=len(run.published),
            unchanged=run.unchanged,
            message=run.message,
            grades=run.published,
            rewarded=run.rewarded,
        )

    return await run_command(
        request,
        db,
        command,
        principal=principal,
        status_code=200,
        audit=Audit("grading", "graded", object_id=month),
    )


TechnicianReaders = require_roles("admin", "agent", "technician")


@router.get("/v1/technicians/{technician_id}/discipline", response_model=DisciplineOut)
async def technician_discipline(
    technician_id: uuid.UUID,
    db: DatabaseDep,
    clock: ClockDep,
    policy: PolicyDep,
    principal: Principal = TechnicianReaders,
) -> DisciplineOut:
    """The technician's strikes: 1st warning, 2nd penalty, 3rd dismissal, counted for life (or
    in the window an operator set). A technician may read its own."""
    if principal.role == "technician" and principal.technician_id != technician_id:
        raise NotFound(f"Technician {technician_id} has no record you can see.")
    async with db.uow() as uow:
        strikes = await StrikeRepository(uow.session).of_staff(technician_id)
    record = discipline_record(strikes, at=clock.now(), policy=policy)
    return DisciplineOut(technician_id=technician_id, **record)
