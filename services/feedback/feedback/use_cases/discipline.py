"""The strike a substantiated conduct complaint puts on the staff member it names (clause 15):
1st warning, 2nd penalty, 3rd dismissal, counted for life unless an operator set a window."""

from __future__ import annotations

import uuid
from datetime import datetime

from aftersales.events import feedback
from aftersales.unit_of_work import UnitOfWork
from feedback.adapters.repositories.discipline import StrikeRepository
from feedback.adapters.repositories.staff import StaffRepository
from feedback.adapters.tables import ComplaintRow, StrikeRow
from feedback.domain.discipline import action_for, strikes_in_window
from feedback.use_cases.policy import FeedbackPolicy


async def strike(
    uow: UnitOfWork, complaint: ComplaintRow, now: datetime, *, policy: FeedbackPolicy
) -> StrikeRow | None:
    """The complaint's strike, once (a complaint resolved again after its satisfaction call
    reopened it strikes no second time). Every strike is ``feedback.staff.disciplined.v1``; a
    technician's is also ``feedback.technician.disciplined.v1`` (dispatch stops a dismissed
    technician's jobs, billing books the penalty)."""
    assert complaint.staff_id is not None
    strikes = StrikeRepository(uow.session)
    await strikes.lock_staff(complaint.staff_id)
    if await strikes.of_complaint(complaint.id) is not None:
        return None
    member = await StaffRepository(uow.session).get(complaint.staff_id)
    technician = complaint.technician_id == complaint.staff_id or (
        member is not None and member.role == "technician"
    )
    role = "technician" if technician else (member.role if member is not None else "technician")
    earlier = await strikes.of_staff(complaint.staff_id)
    count = strikes_in_window([s.at for s in earlier] + [now], at=now, window=policy.strike_window)
    action = action_for(count)
    point_id = complaint.point_id or (member.point_id if member is not None else None)
    row = StrikeRow(
        id=uuid.uuid4(),
        staff_id=complaint.staff_id,
        role=role,
        technician_id=complaint.staff_id if technician else None,
        point_id=point_id,
        complaint_id=complaint.id,
        strike=count,
        action=action,
        window_days=policy.strike_window_days,
        at=now,
    )
    strikes.add(row)
    version = len(earlier) + 1
    if technician:
        uow.publish(
            feedback.TechnicianDisciplined(
                technician_id=complaint.staff_id,
                point_id=point_id,
                complaint_id=complaint.id,
                strike=count,
                action=action,
                decided_at=now,
            ),
            aggregate_id=complaint.staff_id,
            aggregate_version=version,
        )
    uow.publish(
        feedback.StaffDisciplined(
            staff_id=complaint.staff_id,
            role=role,  # type: ignore[arg-type]
            point_id=point_id,
            technician_id=row.technician_id,
            complaint_id=complaint.id,
            strike=count,
            action=action,
            decided_at=now,
        ),
        aggregate_id=complaint.staff_id,
        aggregate_version=version,
    )
    return row
