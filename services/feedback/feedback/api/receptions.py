"""Visiting customers' receptions (clause 7): a host from arrival to departure."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Request
from starlette.responses import Response

from aftersales.auth import Principal
from aftersales.http.deps import DatabaseDep
from aftersales.http.idempotency import IdempotencyKey, run_command
from aftersales.http.pagination import Cursor, Limit, Page
from aftersales.unit_of_work import UnitOfWork
from feedback.adapters.repositories.receptions import CustomerRepository, ReceptionRepository
from feedback.adapters.repositories.staff import StaffRepository
from feedback.adapters.visit_tables import ReceptionRow
from feedback.api.schemas import ReceptionIn, ReceptionOut
from feedback.api.scope import Centre, actor_of
from feedback.use_cases import receptions

router = APIRouter(prefix="/v1/receptions", tags=["receptions"])


async def _out(uow: UnitOfWork, rows: list[ReceptionRow]) -> list[ReceptionOut]:
    """The receptions with the customer's name (once feedback has heard of them) and the
    host's."""
    names = await CustomerRepository(uow.session).names([r.customer_id for r in rows])
    hosts = await StaffRepository(uow.session).many([r.host_staff_id for r in rows])
    return [
        ReceptionOut(
            id=r.id,
            customer_id=r.customer_id,
            customer_name=names.get(r.customer_id),
            host_staff_id=r.host_staff_id,
            host_name=hosts[r.host_staff_id].name if r.host_staff_id in hosts else None,
            arrives_at=r.arrives_at,
            departs_at=r.departs_at,
            arrangements=list(r.arrangements),
            notes=r.notes,
            created_by=r.created_by,
            created_at=r.created_at,
        )
        for r in rows
    ]


@router.post("", status_code=201, response_model=ReceptionOut)
async def receive_visitor(
    body: ReceptionIn,
    request: Request,
    db: DatabaseDep,
    idempotency_key: IdempotencyKey = None,
    principal: Principal = Centre,
) -> Response:
    """A visiting customer's reception: the host (a service person on the staff register, 422
    otherwise) looks after them from arrival to departure (a departure before the arrival is a
    422) and arranges lodging, appointments and the return ticket. A complaint about it is
    filed on a complaint ticket of the customer (``POST /v1/complaints`` with
    ``reception_id``)."""
    cmd = receptions.NewReception(
        customer_id=body.customer_id,
        host_staff_id=body.host_staff_id,
        arrives_at=body.arrives_at,
        departs_at=body.departs_at,
        arrangements=tuple(body.arrangements),
        notes=body.notes,
    )

    async def command(uow: UnitOfWork) -> ReceptionOut:
        row = await receptions.receive(uow, cmd, actor=actor_of(principal))
        [out] = await _out(uow, [row])
        return out

    return await run_command(
        request,
        db,
        command,
        principal=principal,
        key=idempotency_key,
        body=body,
        headers_for=lambda r: {"Location": f"/v1/receptions/{r.id}"},  # type: ignore[attr-defined]
    )


@router.get("", response_model=Page[ReceptionOut])
async def list_receptions(
    db: DatabaseDep,
    customer_id: uuid.UUID | None = None,
    host_staff_id: uuid.UUID | None = None,
    cursor: Cursor = None,
    limit: Limit = 50,
    principal: Principal = Centre,
) -> Page[ReceptionOut]:
    """Receptions by arrival, filtered by customer or host."""
    async with db.uow() as uow:
        rows, next_cursor = await ReceptionRepository(uow.session).page(
            customer_id=customer_id, host_staff_id=host_staff_id, cursor=cursor, limit=limit
        )
        items = await _out(uow, rows)
    return Page[ReceptionOut](items=items, next_cursor=next_cursor)


@router.get("/{reception_id}", response_model=ReceptionOut)
async def get_reception(
    reception_id: uuid.UUID, db: DatabaseDep, principal: Principal = Centre
) -> ReceptionOut:
    """One reception with its host and arrangements."""
    async with db.uow() as uow:
        [out] = await _out(uow, [await ReceptionRepository(uow.session).get(reception_id)])
    return out
