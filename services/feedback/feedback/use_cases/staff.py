"""The staff register: an admin registers the centre's agents, reception hosts and
sales-service staff (technicians come from dispatch, projected from the jobs feedback hears
of). Any of them can then be named in a complaint, carry strikes and earn rewards."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from aftersales.errors import Conflict
from aftersales.unit_of_work import UnitOfWork
from feedback.adapters.repositories.staff import StaffRepository
from feedback.adapters.tables import StaffRow


@dataclass(frozen=True)
class NewStaff:
    role: str
    name: str
    point_id: uuid.UUID | None = None
    subject: str | None = None


async def register(uow: UnitOfWork, cmd: NewStaff) -> StaffRow:
    staff = StaffRepository(uow.session)
    if cmd.subject is not None and await staff.by_subject(cmd.subject) is not None:
        raise Conflict(
            f"A staff member already signs in as {cmd.subject!r}: one register entry per person.",
            subject=cmd.subject,
        )
    now = uow.now()
    row = StaffRow(
        id=uuid.uuid4(),
        role=cmd.role,
        name=cmd.name,
        point_id=cmd.point_id,
        subject=cmd.subject,
        source="admin",
        active=True,
        version=1,
        created_at=now,
        updated_at=now,
    )
    staff.add(row)
    await uow.session.flush()
    return row
