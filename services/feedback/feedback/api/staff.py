"""The staff register, each member's discipline, and the month's rewards."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from aftersales.audit import Audit
from aftersales.auth import Principal, require_roles
from aftersales.calendar import MONTH_PATTERN
from aftersales.errors import NotFound
from aftersales.http.deps import ClockDep, DatabaseDep
from aftersales.http.exports import CSV_RESPONSES, ExportFormat, FormatQuery, csv_response
from aftersales.http.idempotency import IdempotencyKey, run_command
from aftersales.http.pagination import Cursor, Limit, Page
from aftersales.unit_of_work import UnitOfWork
from feedback.adapters.repositories.discipline import StrikeRepository
from feedback.adapters.repositories.receptions import FineRepository
from feedback.adapters.repositories.rewards import RewardRepository
from feedback.adapters.repositories.staff import StaffRepository
from feedback.adapters.tables import StaffRow, StrikeRow
from feedback.api.deps import PolicyDep
from feedback.api.schemas import (
    FineOut,
    RewardList,
    RewardOut,
    StaffDetail,
    StaffIn,
    StaffOut,
    StrikeOut,
)
from feedback.api.scope import Admin
from feedback.domain.discipline import strikes_in_window
from feedback.domain.months import parse_month
from feedback.use_cases import staff as use_cases
from feedback.use_cases.policy import FeedbackPolicy

router = APIRouter(tags=["staff"])
RewardReaders = require_roles("admin", "finance")
REWARD_COLUMNS = tuple(RewardOut.model_fields)


def staff_out(row: StaffRow) -> StaffOut:
    return StaffOut.model_validate(row, from_attributes=True)


def discipline_record(
    strikes: Sequence[StrikeRow], *, at: datetime, policy: FeedbackPolicy
) -> dict[str, Any]:
    """A staff member's strikes as ``at``: how many count (for life, or in the window an
    operator set), the latest action, whether dismissed."""
    return {
        "window_days": policy.strike_window_days,
        "strikes_in_window": strikes_in_window(
            [s.at for s in strikes], at=at, window=policy.strike_window
        ),
        "current_action": strikes[-1].action if strikes else None,
        "dismissed": any(s.action == "dismissal" for s in strikes),
        "strikes": [
            StrikeOut(
                complaint_id=s.complaint_id,
                strike=s.strike,
                action=s.action,
                window_days=s.window_days,
                at=s.at,
            )
            for s in strikes
        ],
    }


@router.post("/v1/staff", status_code=201, response_model=StaffOut)
async def register_staff(
    body: StaffIn,
    request: Request,
    db: DatabaseDep,
    idempotency_key: IdempotencyKey = None,
    principal: Principal = Admin,
) -> Response:
    """Register a centre agent, reception host or sales-service staff member (technicians come
    from dispatch): a complaint may then name them (``staff_id``), and they carry strikes and
    earn rewards like any service person. Audited."""
    cmd = use_cases.NewStaff(**body.model_dump())

    async def command(uow: UnitOfWork) -> StaffOut:
        return staff_out(await use_cases.register(uow, cmd))

    return await run_command(
        request,
        db,
        command,
        principal=principal,
        key=idempotency_key,
        body=body,
        headers_for=lambda s: {"Location": f"/v1/staff/{s.id}"},  # type: ignore[attr-defined]
        audit=Audit("staff", "registered"),
    )


@router.get("/v1/staff", response_model=Page[StaffOut])
async def list_staff(
    db: DatabaseDep,
    role: str | None = Query(default=None, pattern="^(technician|agent|host|sales_service)$"),
    point_id: uuid.UUID | None = None,
    cursor: Cursor = None,
    limit: Limit = 50,
    principal: Principal = Admin,
) -> Page[StaffOut]:
    """Every service person: technicians (from dispatch), agents, hosts, sales-service staff."""
    async with db.uow() as uow:
        rows, next_cursor = await StaffRepository(uow.session).page(
            role=role, point_id=point_id, cursor=cursor, limit=limit
        )
    return Page[StaffOut](items=[staff_out(r) for r in rows], next_cursor=next_cursor)


@router.get("/v1/staff/{staff_id}", response_model=StaffDetail)
async def get_staff(
    staff_id: uuid.UUID,
    db: DatabaseDep,
    clock: ClockDep,
    policy: PolicyDep,
    principal: Principal = Admin,
) -> StaffDetail:
    """One staff member with their strikes (1st warning, 2nd penalty, 3rd dismissal) and their
    fines (a substantiated complaint about a reception they hosted)."""
    async with db.uow() as uow:
        row = await StaffRepository(uow.session).get(staff_id)
        if row is None:
            raise NotFound(f"Staff member {staff_id} is not in the register.")
        strikes = await StrikeRepository(uow.session).of_staff(staff_id)
        fines = await FineRepository(uow.session).of_staff(staff_id)
    record = discipline_record(strikes, at=clock.now(), policy=policy)
    return StaffDetail(
        **staff_out(row).model_dump(),
        **record,
        fines=[FineOut.model_validate(f, from_attributes=True) for f in fines],
    )


@router.get("/v1/staff-rewards", response_model=RewardList, responses=CSV_RESPONSES)
async def staff_rewards(
    db: DatabaseDep,
    month: str = Query(pattern=MONTH_PATTERN, description="YYYY-MM"),
    staff_id: uuid.UUID | None = None,
    format: ExportFormat = FormatQuery,
    principal: Principal = RewardReaders,
) -> Any:
    """The month's staff rewards, decided by its grading (``POST /v1/grading/{month}``): the
    rewards beside billing's penalty ledger (``GET /v1/staff-penalties``)."""
    parse_month(month)
    async with db.uow() as uow:
        rows = await RewardRepository(uow.session).of_month(month, staff_id=staff_id)
    items = [RewardOut.model_validate(r, from_attributes=True) for r in rows]
    if format == "csv":
        return csv_response(
            (i.model_dump(mode="json") for i in items),
            REWARD_COLUMNS,
            filename=f"staff-rewards-{month}.csv",
        )
    return RewardList(month=month, items=items)
