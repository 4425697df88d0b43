from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from aftersales.audit import Audit
from aftersales.auth import Principal
from aftersales.calendar import MONTH_PATTERN
from aftersales.events import Money
from aftersales.http.deps import DatabaseDep
from aftersales.http.exports import CSV_RESPONSES, ExportFormat, FormatQuery, csv_response
from aftersales.http.idempotency import IdempotencyKey, run_command
from aftersales.unit_of_work import UnitOfWork
from billing.adapters.repositories.admin_work import AdminWorkRepository
from billing.adapters.repositories.charges import ChargeRepository
from billing.adapters.repositories.remedies import RemedyRepository
from billing.api.deps import PolicyDep
from billing.api.presenters import admin_work_out
from billing.api.schemas.refunds import RemedyOut
from billing.api.schemas.reports import (
    AdminWorkIn,
    AdminWorkOut,
    AdminWorkReport,
    AdminWorkStaffMonth,
    RevenueClass,
    RevenueReport,
)
from billing.api.scope import Centre, Finance, actor_of
from billing.use_cases.admin_work import NewAdminWork, log_admin_work, month_report

router = APIRouter(tags=["reports"])
Month = Query(pattern=MONTH_PATTERN, description="YYYY-MM")


@router.get("/v1/reports/revenue", response_model=RevenueReport, responses=CSV_RESPONSES)
async def revenue_report(
    db: DatabaseDep,
    policy: PolicyDep,
    month: str = Month,
    format: ExportFormat = FormatQuery,
    principal: Principal = Finance,
) -> Any:
    """The month's charges by service class, 三包 remedies and class D minutes."""
    currency = policy.currency
    async with db.uow() as uow:
        await uow.snapshot()
        by_class = await ChargeRepository(uow.session).revenue(month)
        remedies = await RemedyRepository(uow.session).of_month(month)
        admin = await AdminWorkRepository(uow.session).of_month(month)
    classes = [
        RevenueClass(
            service_class=cls,
            charges=int(n),
            customer_total=Money(amount=int(total), currency=currency),
            company_cost=Money(amount=int(cost), currency=currency),
            credited=Money(amount=int(credited), currency=currency),
            paid=Money(amount=int(paid), currency=currency),
        )
        for cls, n, total, cost, credited, paid in by_class
    ]
    if format == "csv":
        rows = [
            {
                "month": month,
                "service_class": c.service_class,
                "charges": c.charges,
                "customer_total": c.customer_total.amount,
                "company_cost": c.company_cost.amount,
                "credited": c.credited.amount,
                "paid": c.paid.amount,
                "currency": currency,
            }
            for c in classes
        ]
        rows.append(
            {
                "month": month,
                "service_class": "D",
                "charges": len(admin),
                "customer_total": 0,
                "company_cost": 0,
                "credited": 0,
                "paid": 0,
                "currency": currency,
            }
        )
        columns = (
            "month",
            "service_class",
            "charges",
            "customer_total",
            "company_cost",
            "credited",
            "paid",
            "currency",
        )
        return csv_response(rows, columns, filename=f"revenue-{month}.csv")
    return RevenueReport(
        month=month,
        by_class=classes,
        remedies=[
            RemedyOut(
                ticket_id=r.ticket_id,
                remedy=r.remedy,
                reason=r.reason,
                customer_credit=Money(amount=r.customer_credit, currency=r.currency),
                company_cost=Money(amount=r.company_cost, currency=r.currency),
                note=r.note,
                decided_at=r.decided_at,
            )
            for r in remedies
        ],
        admin_work_minutes=sum(a.minutes for a in admin),
    )


@router.post("/v1/admin-work", status_code=201, response_model=AdminWorkOut)
async def record_admin_work(
    body: AdminWorkIn,
    request: Request,
    db: DatabaseDep,
    idempotency_key: IdempotencyKey = None,
    principal: Principal = Centre,
) -> Response:
    """Class D: internal work (inspections, parts management, tool upkeep, training)."""
    cmd = NewAdminWork(**body.model_dump())

    async def command(uow: UnitOfWork) -> AdminWorkOut:
        return admin_work_out(await log_admin_work(uow, cmd, actor=actor_of(principal)))

    return await run_command(
        request,
        db,
        command,
        principal=principal,
        key=idempotency_key,
        body=body,
        audit=Audit("admin_work", "logged"),
    )


@router.get("/v1/admin-work", response_model=AdminWorkReport, responses=CSV_RESPONSES)
async def admin_work_report(
    db: DatabaseDep,
    month: str = Month,
    staff: str | None = Query(default=None, max_length=200),
    format: ExportFormat = FormatQuery,
    principal: Principal = Centre,
) -> Any:
    """The month's class D work: per staff member (the monthly work record) and every entry."""
    async with db.uow() as uow:
        await uow.snapshot()
        report = await month_report(uow, month)
        entries = await AdminWorkRepository(uow.session).of_month(month, staff)
    if staff is not None:
        report = [r for r in report if r.staff == staff]
    if format == "csv":
        rows = [
            {
                "month": month,
                "staff": r.staff,
                "entries": r.entries,
                "minutes": r.minutes,
                **{f"minutes_{k}": v for k, v in r.minutes_by_kind.items()},
            }
            for r in report
        ]
        kinds = ("inspection", "parts_management", "tool_upkeep", "training", "other")
        columns = ("month", "staff", "entries", "minutes", *(f"minutes_{k}" for k in kinds))
        return csv_response(rows, columns, filename=f"admin-work-{month}.csv")
    return AdminWorkReport(
        month=month,
        staff=[AdminWorkStaffMonth(**r.__dict__) for r in report],
        entries=[admin_work_out(e) for e in entries],
    )
