"""Planned care visits to key customers (clause 8), a direct customer's usage-tracking visits,
and the alert when a planned visit is late."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime

from aftersales.database import Database
from aftersales.events import feedback
from aftersales.unit_of_work import UnitOfWork
from feedback.adapters.repositories.care import CareRepository
from feedback.adapters.tables import CarePlanRow, CareVisitRow
from feedback.domain.care import (
    USAGE_TRACKING,
    USAGE_TRACKING_LEVEL,
    USAGE_TRACKING_STAFF,
    first_tracking_visit,
    is_late,
    next_due,
)
from feedback.use_cases.policy import FeedbackPolicy, day_of


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
        purpose="care",
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


async def track_direct_customer(
    uow: UnitOfWork, customer_id: uuid.UUID, name: str, at: datetime, *, policy: FeedbackPolicy
) -> bool:
    """A direct customer's usage-tracking plan, made once, when feedback first learns the
    customer is direct: monthly visits, the first a month after ``at``. True when made."""
    now = uow.now()
    return await CareRepository(uow.session).add_once(
        {
            "id": uuid.uuid4(),
            "customer_id": customer_id,
            "customer_name": name,
            "level": USAGE_TRACKING_LEVEL,
            "purpose": USAGE_TRACKING,
            "staff": USAGE_TRACKING_STAFF,
            "next_due_on": first_tracking_visit(day_of(at, policy)),
            "active": True,
            "version": 1,
            "created_at": now,
            "updated_at": now,
        }
    )


async def report_late_visits(db: Database, policy: FeedbackPolicy, *, limit: int = 100) -> int:
    """Publish ``feedback.visit.overdue.v1`` once per plan and due day whose visit was not made
    by that day (the network's date of the service's clock); returns how many. The claim
    (``visit_alerts``) and the event commit together: a replica that comes second finds the
    claim made and publishes nothing, however the clock moves afterwards."""
    async with db.uow() as uow:
        now = uow.now()
        today = day_of(now, policy)
        care = CareRepository(uow.session)
        reported = 0
        for plan in await care.late(today, limit=limit):
            if not is_late(plan.next_due_on, today):
                continue
            if not await care.claim_alert(plan.id, plan.next_due_on, now):
                continue
            plan.version += 1
            uow.publish(
                feedback.VisitOverdue(
                    plan_id=plan.id,
                    customer_id=plan.customer_id,
                    purpose=plan.purpose,  # type: ignore[arg-type]
                    level=plan.level,  # type: ignore[arg-type]
                    staff=plan.staff,
                    due_on=plan.next_due_on,
                    noticed_at=now,
                ),
                aggregate_id=plan.id,
                aggregate_version=plan.version,
            )
            reported += 1
        await uow.commit()
    return reported
