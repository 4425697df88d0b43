"""Class D: internal admin work, logged per staff member, reported per month."""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from aftersales.unit_of_work import UnitOfWork
from billing.adapters.repositories.admin_work import AdminWorkRepository
from billing.adapters.tables.admin_work import AdminWorkRow


@dataclass(frozen=True)
class NewAdminWork:
    staff: str
    kind: str
    minutes: int
    performed_on: date
    point_id: uuid.UUID | None
    note: str | None


async def log_admin_work(uow: UnitOfWork, cmd: NewAdminWork, *, actor: str) -> AdminWorkRow:
    row = AdminWorkRow(
        id=uuid.uuid4(),
        staff=cmd.staff,
        kind=cmd.kind,
        minutes=cmd.minutes,
        performed_on=cmd.performed_on,
        month=f"{cmd.performed_on:%Y-%m}",
        point_id=cmd.point_id,
        note=cmd.note,
        recorded_by=actor,
        created_at=uow.now(),
    )
    AdminWorkRepository(uow.session).add(row)
    await uow.session.flush()
    return row


@dataclass(frozen=True)
class StaffMonth:
    staff: str
    entries: int
    minutes: int
    minutes_by_kind: dict[str, int]


async def month_report(uow: UnitOfWork, month: str) -> list[StaffMonth]:
    rows = await AdminWorkRepository(uow.session).of_month(month)
    by_staff: dict[str, list[AdminWorkRow]] = defaultdict(list)
    for row in rows:
        by_staff[row.staff].append(row)
    report = []
    for staff in sorted(by_staff):
        kinds: dict[str, int] = defaultdict(int)
        for row in by_staff[staff]:
            kinds[row.kind] += row.minutes
        report.append(
            StaffMonth(
                staff, len(by_staff[staff]), sum(kinds.values()), dict(sorted(kinds.items()))
            )
        )
    return report
