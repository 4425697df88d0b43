"""Requisitions: a point asks for parts, the warehouse approves and ships them (out of its
stock, in transit to the point), the point receives them (into its stock)."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import select

from aftersales.errors import NotFound, Unprocessable
from aftersales.events import dispatch
from aftersales.unit_of_work import UnitOfWork
from dispatch.adapters.repositories.jobs import JobRepository
from dispatch.adapters.repositories.scope import Scope
from dispatch.adapters.tables.requisitions import RequisitionRow
from dispatch.domain.requisitions import approved_lines, check_step, received_lines
from dispatch.domain.stock import check_lines
from dispatch.use_cases.pauses import parts_received
from dispatch.use_cases.stock import (
    Move,
    add_in_transit,
    check_skus,
    location_kind,
    record_moves,
)


@dataclass(frozen=True)
class NewRequisition:
    point_id: uuid.UUID
    lines: list[tuple[str, int]]
    urgent: bool = False
    job_id: uuid.UUID | None = None


async def request(
    uow: UnitOfWork, cmd: NewRequisition, *, scope: Scope, actor: str
) -> RequisitionRow:
    check_lines(cmd.lines)
    if await location_kind(uow, cmd.point_id) != "point":
        raise Unprocessable("A requisition is made by a network point.")
    if scope.point_id is not None and scope.point_id != cmd.point_id:
        raise NotFound(f"Point {cmd.point_id} does not exist.")
    await check_skus(uow, [sku for sku, _ in cmd.lines])
    if cmd.job_id is not None:
        try:
            job = await JobRepository(uow.session).get(
                cmd.job_id, scope=Scope(point_id=cmd.point_id)
            )
        except NotFound as exc:
            raise Unprocessable(f"Job {cmd.job_id} is not one of this point's jobs.") from exc
        assert job.point_id == cmd.point_id
    now = uow.now()
    row = RequisitionRow(
        id=uuid.uuid4(),
        point_id=cmd.point_id,
        job_id=cmd.job_id,
        urgent=cmd.urgent,
        status="requested",
        lines=[{"sku": sku, "requested": qty} for sku, qty in cmd.lines],
        requested_by=actor,
        version=1,
        created_at=now,
        updated_at=now,
    )
    uow.session.add(row)
    await uow.session.flush()
    _publish(uow, row)
    return row


async def get(
    uow: UnitOfWork, requisition_id: uuid.UUID, *, scope: Scope, lock: bool = False
) -> RequisitionRow:
    row = await uow.session.get(RequisitionRow, requisition_id, with_for_update=lock)
    if row is None or (scope.point_id is not None and row.point_id != scope.point_id):
        raise NotFound(f"Requisition {requisition_id} does not exist.")
    if scope.technician_id is not None:
        raise NotFound(f"Requisition {requisition_id} does not exist.")
    return row


async def page(
    uow: UnitOfWork, *, scope: Scope, point_id: uuid.UUID | None, status: str | None, limit: int
) -> list[RequisitionRow]:
    stmt = select(RequisitionRow).order_by(RequisitionRow.created_at.desc()).limit(limit)
    if scope.point_id is not None:
        stmt = stmt.where(RequisitionRow.point_id == scope.point_id)
    if point_id is not None:
        stmt = stmt.where(RequisitionRow.point_id == point_id)
    if status is not None:
        stmt = stmt.where(RequisitionRow.status == status)
    return list((await uow.session.scalars(stmt)).all())


async def approve(
    uow: UnitOfWork, requisition_id: uuid.UUID, lines: Mapping[str, int], *, scope: Scope
) -> RequisitionRow:
    row = await get(uow, requisition_id, scope=scope, lock=True)
    check_step(row.status, "approve")
    row.lines = approved_lines(row.lines, lines)
    return _moved(uow, row, "approved")


async def ship(
    uow: UnitOfWork,
    requisition_id: uuid.UUID,
    from_location_id: uuid.UUID,
    carrier: str,
    tracking_no: str,
    *,
    scope: Scope,
    actor: str,
) -> RequisitionRow:
    """Out of the warehouse's stock (a 409 names any shortfall, and nothing moves), and in
    transit to the point."""
    row = await get(uow, requisition_id, scope=scope, lock=True)
    check_step(row.status, "ship")
    if await location_kind(uow, from_location_id) != "warehouse":
        raise Unprocessable("Parts ship from a warehouse.")
    sending = {line["sku"]: line["approved"] for line in row.lines if line.get("approved")}
    reference = f"requisition {row.id}"
    await record_moves(
        uow,
        [
            Move(
                from_location_id,
                sku,
                "transfer_out",
                qty,
                reference=reference,
                job_id=None,
                counterpart_id=row.point_id,
            )
            for sku, qty in sorted(sending.items())
        ],
        actor=actor,
    )
    await add_in_transit(uow, row.point_id, sending)
    row.lines = [{**line, "shipped": sending.get(line["sku"], 0)} for line in row.lines]
    row.from_location_id, row.carrier, row.tracking_no = from_location_id, carrier, tracking_no
    return _moved(uow, row, "shipped")


async def receive(
    uow: UnitOfWork,
    requisition_id: uuid.UUID,
    lines: Mapping[str, int],
    *,
    scope: Scope,
    actor: str,
) -> RequisitionRow:
    """Into the point's stock; what was shipped and not received stays on the requisition as
    missing (to settle with the carrier or by an adjustment)."""
    row = await get(uow, requisition_id, scope=scope, lock=True)
    check_step(row.status, "receive")
    row.lines = received_lines(row.lines, lines)
    reference = f"requisition {row.id}"
    moves = [
        Move(
            row.point_id,
            line["sku"],
            "transfer_in",
            line["received"],
            reference=reference,
            counterpart_id=row.from_location_id,
        )
        for line in sorted(row.lines, key=lambda x: x["sku"])
        if line["received"]
    ]
    if moves:
        await record_moves(uow, moves, actor=actor)
    await add_in_transit(
        uow, row.point_id, {line["sku"]: -(line.get("shipped") or 0) for line in row.lines}
    )
    moved = _moved(uow, row, "received")
    if row.job_id is not None:  # the job waiting for these parts goes on
        job = await JobRepository(uow.session).get(row.job_id, lock=True)
        await parts_received(uow, job, at=row.updated_at, actor=actor)
    return moved


async def reject(
    uow: UnitOfWork, requisition_id: uuid.UUID, reason: str, *, scope: Scope
) -> RequisitionRow:
    row = await get(uow, requisition_id, scope=scope, lock=True)
    check_step(row.status, "reject")
    row.reason = reason
    return _moved(uow, row, "rejected")


async def cancel(uow: UnitOfWork, requisition_id: uuid.UUID, *, scope: Scope) -> RequisitionRow:
    row = await get(uow, requisition_id, scope=scope, lock=True)
    check_step(row.status, "cancel")
    return _moved(uow, row, "cancelled")


def _moved(uow: UnitOfWork, row: RequisitionRow, status: str) -> RequisitionRow:
    row.status = status
    row.version += 1
    row.updated_at = uow.now()
    _publish(uow, row)
    return row


def _publish(uow: UnitOfWork, row: RequisitionRow) -> None:
    event = dispatch.REQUISITION_EVENTS[row.status](
        requisition_id=row.id,
        point_id=row.point_id,
        job_id=row.job_id,
        urgent=row.urgent,
        status=row.status,  # type: ignore[arg-type]
        lines=[dispatch.RequisitionLine(**line) for line in row.lines],
        carrier=row.carrier,
        tracking_no=row.tracking_no,
        reason=row.reason,
        at=row.updated_at,
    )
    uow.publish(event, aggregate_id=row.id, aggregate_version=row.version)
