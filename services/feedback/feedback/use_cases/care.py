"""Planned care visits to key customers."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from aftersales.unit_of_work import UnitOfWork
from feedback.adapters.repositories.care import CareRepository
from feedback.adapters.tables import CarePlanRow, CareVisitRow
from feedback.domain.care import next_due


@dataclass(frozen=True)
class NewCarePlan:
    customer_id: uuid.UUID
    customer_name: str
    level: str
    staff: str
    first_visit_on: date


async def create_plan(uow: UnitOfWork, cmd: NewCarePlan) -> CarePlanRow:
    now = uow.now()
    row = CarePlanRow(
        id=uuid.uuid4(),
        customer_id=cmd.customer_id,
        customer_name=cmd.customer_name,
        level=cmd.level,
        staff=cmd.staff,
        next_due_on=cmd.first_visit_on,
        active=True,
        version=1,
        created_at=now,
        updated_at=now,
    )
    CareRepository(uow.session).add(row)
    await uow.session.flush()
    return row


async def record_visit(
    uow: UnitOfWork, plan_id: uuid.UUID, *, visited_on: date, staff: str, notes: str | None
) -> CarePlanRow:
    care = CareRepository(uow.session)
    plan = await care.get(plan_id, lock=True)
    now = uow.now()
    care.add_visit(
        CareVisitRow(
            id=uuid.uuid4(),
            plan_id=plan.id,
            visited_on=visited_on,
            staff=staff,
            notes=notes,
            recorded_at=now,
        )
    )
    plan.next_due_on = max(plan.next_due_on, next_due(visited_on, plan.level))
    plan.version += 1
    plan.updated_at = now
    await uow.session.flush()
    return plan
