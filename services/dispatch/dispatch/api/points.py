from __future__ import annotations

import uuid
from datetime import date, timedelta
from typing import Literal

from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from aftersales.audit import Audit, record
from aftersales.auth import Principal
from aftersales.calendar import LATEST, check_date
from aftersales.errors import Unprocessable
from aftersales.http.deps import ClockDep, DatabaseDep
from aftersales.http.etag import etag_of, expected_version
from aftersales.http.idempotency import IdempotencyKey, run_command
from aftersales.http.pagination import Cursor, Limit, Page
from aftersales.unit_of_work import UnitOfWork
from dispatch.adapters.repositories.points import PointRepository
from dispatch.adapters.repositories.scope import Scope
from dispatch.adapters.repositories.technicians import TechnicianRepository
from dispatch.adapters.repositories.workshop import workshop_register
from dispatch.api.presenters import override_out, point_out, technician_out
from dispatch.api.schemas.points import (
    CalendarDayOut,
    CapacityCalendar,
    CapacityOverrideIn,
    CapacityOverrideOut,
    CapacityOverrides,
    PointIn,
    PointOut,
    PointPatch,
)
from dispatch.api.schemas.technicians import TechnicianIn, TechnicianOut
from dispatch.api.schemas.workshop import WorkshopItem, WorkshopRegister
from dispatch.api.scope import Admin, CentreOrPoint, Field, actor_of, scope_of
from dispatch.use_cases import points as use_cases
from dispatch.use_cases.technicians import NewTechnician, add_technician

router = APIRouter(prefix="/v1/points", tags=["network points"])
MAX_CALENDAR_DAYS = 92


def _author(principal: Principal) -> Literal["operator", "point"]:
    """Who sets a capacity override: the point itself, or the operator (admin, agent)."""
    return "point" if principal.role == "point" else "operator"


def _point_headers(point: PointOut) -> dict[str, str]:
    return {"Location": f"/v1/points/{point.id}", "ETag": etag_of(point.version)}


async def _point_now(uow: UnitOfWork, point_id: uuid.UUID) -> PointOut:
    """The point as it stands before a change, for the audit trail."""
    return point_out(await PointRepository(uow.session).get(point_id, scope=Scope()))


@router.post("", status_code=201, response_model=PointOut)
async def register_point(
    body: PointIn,
    request: Request,
    db: DatabaseDep,
    idempotency_key: IdempotencyKey = None,
    principal: Principal = Admin,
) -> Response:
    """Register a network point (own centre or partner shop): regions and categories it serves,
    daily capacity."""
    cmd = use_cases.NewPoint(**body.model_dump())

    async def command(uow: UnitOfWork) -> PointOut:
        return point_out(await use_cases.register_point(uow, cmd))

    return await run_command(
        request,
        db,
        command,
        principal=principal,
        key=idempotency_key,
        body=body,
        headers_for=_point_headers,  # type: ignore[arg-type]
        audit=Audit("network_point", "registered"),
    )


@router.get("", response_model=Page[PointOut])
async def list_points(
    db: DatabaseDep,
    region: str | None = Query(default=None, pattern=r"^\d{6}$"),
    category: str | None = Query(default=None, max_length=60),
    active: bool | None = None,
    code: str | None = Query(
        default=None, max_length=40, description="the point with this code (a board's filter)"
    ),
    cursor: Cursor = None,
    limit: Limit = 50,
    principal: Principal = CentreOrPoint,
) -> Page[PointOut]:
    """Network points, filtered by region, category, active flag or code."""
    async with db.uow() as uow:
        rows, next_cursor = await PointRepository(uow.session).page(
            scope=scope_of(principal),
            code=code,
            region=region,
            category=category,
            active=active,
            cursor=cursor,
            limit=limit,
        )
    return Page[PointOut](items=[point_out(r) for r in rows], next_cursor=next_cursor)


@router.get("/{point_id}", response_model=PointOut)
async def get_point(
    point_id: uuid.UUID, db: DatabaseDep, response: Response, principal: Principal = CentreOrPoint
) -> PointOut:
    """One network point with its grade (from feedback) and an `ETag`."""
    async with db.uow() as uow:
        row = await PointRepository(uow.session).get(point_id, scope=scope_of(principal))
    response.headers["ETag"] = etag_of(row.version)
    return point_out(row)


@router.patch("/{point_id}", response_model=PointOut)
async def update_point(
    point_id: uuid.UUID,
    body: PointPatch,
    request: Request,
    db: DatabaseDep,
    principal: Principal = Admin,
) -> Response:
    """Change a point's regions, categories, capacity, partner or active flag (optional `If-
    Match`)."""
    expected = expected_version(request, required=False)
    changes = body.model_dump(exclude_unset=True)

    async def command(uow: UnitOfWork) -> PointOut:
        return point_out(await use_cases.update_point(uow, point_id, changes, expected=expected))

    return await run_command(
        request,
        db,
        command,
        principal=principal,
        status_code=200,
        headers_for=_point_headers,  # type: ignore[arg-type]
        audit=Audit("network_point", "updated", before=lambda uow: _point_now(uow, point_id)),
    )


@router.post("/{point_id}/capacity-overrides", status_code=201, response_model=CapacityOverrideOut)
async def add_capacity_override(
    point_id: uuid.UUID,
    body: CapacityOverrideIn,
    request: Request,
    db: DatabaseDep,
    idempotency_key: IdempotencyKey = None,
    principal: Principal = CentreOrPoint,
) -> Response:
    """Days with a different capacity (a peak, a holiday, a technician on leave). A point may
    lower its own capacity for a while, never raise it above the operator's figure (403)."""

    async def command(uow: UnitOfWork) -> CapacityOverrideOut:
        row = await use_cases.add_capacity_override(
            uow,
            point_id,
            **body.model_dump(),
            scope=scope_of(principal),
            by=_author(principal),
            actor=actor_of(principal),
        )
        return override_out(row)

    return await run_command(
        request,
        db,
        command,
        principal=principal,
        key=idempotency_key,
        body=body,
        audit=Audit("capacity_override", "added", extra={"point_id": str(point_id)}),
    )


@router.get("/{point_id}/capacity-overrides", response_model=CapacityOverrides)
async def list_capacity_overrides(
    point_id: uuid.UUID, db: DatabaseDep, principal: Principal = CentreOrPoint
) -> CapacityOverrides:
    """The point's days with a different capacity."""
    async with db.uow() as uow:
        points = PointRepository(uow.session)
        await points.get(point_id, scope=scope_of(principal))
        rows = await points.overrides(point_id)
    return CapacityOverrides(items=[override_out(r) for r in rows])


@router.delete("/{point_id}/capacity-overrides/{override_id}", status_code=204)
async def delete_capacity_override(
    point_id: uuid.UUID,
    override_id: uuid.UUID,
    db: DatabaseDep,
    principal: Principal = CentreOrPoint,
) -> Response:
    """Remove a capacity override; the point's usual capacity applies again. A point removes
    only the overrides it made (403 for the operator's)."""
    async with db.uow() as uow:
        row = await use_cases.remove_capacity_override(
            uow, point_id, override_id, scope=scope_of(principal), by=_author(principal)
        )
        await record(
            uow,
            principal=principal,
            action="removed",
            object_type="capacity_override",
            object_id=str(override_id),
            before=override_out(row),
        )
        await uow.commit()
    return Response(status_code=204)


@router.get("/{point_id}/capacity", response_model=CapacityCalendar)
async def capacity_calendar(
    point_id: uuid.UUID,
    db: DatabaseDep,
    start: date = Query(alias="from"),
    end: date | None = Query(default=None, alias="to", description="inclusive; default 14 days"),
    principal: Principal = CentreOrPoint,
) -> CapacityCalendar:
    """Booked against capacity, day by day, for the coming days."""
    check_date(start, "'from'")
    end = check_date(end or min(start + timedelta(days=13), LATEST), "'to'")
    if end < start or (end - start).days >= MAX_CALENDAR_DAYS:
        raise Unprocessable(f"'to' must lie within {MAX_CALENDAR_DAYS} days after 'from'.")
    async with db.uow() as uow:
        found = await use_cases.capacity_calendar(
            uow, point_id, start, end, scope=scope_of(principal)
        )
    return CapacityCalendar(
        point_id=point_id,
        days=[
            CalendarDayOut(day=d.day, capacity=d.capacity, booked=d.booked, overridden=d.overridden)
            for d in found
        ],
    )


@router.post("/{point_id}/technicians", status_code=201, response_model=TechnicianOut)
async def add_point_technician(
    point_id: uuid.UUID,
    body: TechnicianIn,
    request: Request,
    db: DatabaseDep,
    idempotency_key: IdempotencyKey = None,
    principal: Principal = CentreOrPoint,
) -> Response:
    """Add a technician to the point, with skills and phone."""
    cmd = NewTechnician(**body.model_dump())

    async def command(uow: UnitOfWork) -> TechnicianOut:
        row = await add_technician(uow, point_id, cmd, scope=scope_of(principal))
        return technician_out(row)

    return await run_command(
        request,
        db,
        command,
        principal=principal,
        key=idempotency_key,
        body=body,
        headers_for=lambda t: {"Location": f"/v1/technicians/{t.id}"},  # type: ignore[attr-defined]
        audit=Audit("technician", "added"),
    )


@router.get("/{point_id}/technicians", response_model=Page[TechnicianOut])
async def list_point_technicians(
    point_id: uuid.UUID,
    db: DatabaseDep,
    status: str | None = Query(default=None, pattern="^(active|inactive|dismissed)$"),
    cursor: Cursor = None,
    limit: Limit = 50,
    principal: Principal = Field,
) -> Page[TechnicianOut]:
    """The point's technicians."""
    scope = scope_of(principal)
    async with db.uow() as uow:
        if principal.role != "technician":
            await PointRepository(uow.session).get(point_id, scope=scope)
        rows, next_cursor = await TechnicianRepository(uow.session).page(
            point_id=point_id, scope=scope, status=status, cursor=cursor, limit=limit
        )
    return Page[TechnicianOut](items=[technician_out(r) for r in rows], next_cursor=next_cursor)


@router.get("/{point_id}/workshop", response_model=WorkshopRegister)
async def workshop_queue(
    point_id: uuid.UUID,
    db: DatabaseDep,
    clock: ClockDep,
    status: Literal["in", "out", "all"] = "in",
    older_than_days: int | None = Query(default=None, ge=0, le=3650),
    limit: int = Query(default=100, ge=1, le=500),
    principal: Principal = CentreOrPoint,
) -> WorkshopRegister:
    """The point's product in/out register (客户商品进出登记簿) with each item's age: what is
    still in the workshop, and for how long."""
    now = clock.now()
    before = now - timedelta(days=older_than_days) if older_than_days is not None else None
    async with db.uow() as uow:
        await PointRepository(uow.session).get(point_id, scope=scope_of(principal))
        rows = await workshop_register(
            uow.session, point_id, status=status, received_before=before, limit=limit
        )
    return WorkshopRegister(
        point_id=point_id,
        items=[
            WorkshopItem(
                job_id=job.id,
                ticket_number=job.ticket_number,
                receipt_no=card.receipt_no,
                model=(job.product or {}).get("model"),
                serial_no=(job.product or {}).get("serial_no"),
                status="out" if card.returned_at else "in",
                received_at=card.received_at,
                returned_at=card.returned_at,
                age_days=((card.returned_at or now) - card.received_at).days,
                failed_inspections=len(card.failed_inspections),
                inspected_at=card.inspected_at,
                inspected_by=card.inspected_by,
            )
            for card, job in rows
        ],
    )
