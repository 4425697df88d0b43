"""Network points: registration, changes, the capacity calendar, and grades from feedback."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any

from aftersales.errors import Conflict
from aftersales.events import Envelope, dispatch, feedback
from aftersales.http.etag import check_version
from aftersales.logging import get_logger
from aftersales.unit_of_work import UnitOfWork
from dispatch.adapters.repositories.points import PointRepository
from dispatch.adapters.repositories.scope import Scope
from dispatch.adapters.tables.points import CapacityOverrideRow, PointRow
from dispatch.domain.points import (
    OverrideAuthor,
    capacity_on,
    check_may_remove_override,
    check_may_set_capacity,
    check_override,
    days,
    grade_is_newer,
)

log = get_logger(__name__)


@dataclass(frozen=True)
class NewPoint:
    code: str
    name: str
    regions: list[str]
    categories: list[str]
    daily_capacity: int
    is_partner: bool


async def register_point(uow: UnitOfWork, cmd: NewPoint) -> PointRow:
    points = PointRepository(uow.session)
    if await points.code_taken(cmd.code):
        raise Conflict(f"A network point with code {cmd.code!r} exists already.", code=cmd.code)
    now = uow.now()
    row = PointRow(
        id=uuid.uuid4(),
        code=cmd.code,
        name=cmd.name,
        regions=sorted(set(cmd.regions)),
        categories=sorted(set(cmd.categories)),
        daily_capacity=cmd.daily_capacity,
        is_partner=cmd.is_partner,
        active=True,
        version=1,
        created_at=now,
        updated_at=now,
    )
    points.add(row)
    await uow.session.flush()
    _announce(uow, row, dispatch.PointRegistered)
    return row


def _announce(
    uow: UnitOfWork,
    row: PointRow,
    contract: type[dispatch.PointRegistered] | type[dispatch.PointUpdated],
) -> None:
    """Tell the other services what they may need of a point (billing: is it a partner)."""
    uow.publish(
        contract(
            point_id=row.id,
            code=row.code,
            name=row.name,
            is_partner=row.is_partner,
            regions=list(row.regions),
            categories=list(row.categories),
            active=row.active,
            at=row.updated_at,
        ),
        aggregate_id=row.id,
        aggregate_version=row.version,
    )


async def update_point(
    uow: UnitOfWork, point_id: uuid.UUID, changes: dict[str, Any], *, expected: int | None
) -> PointRow:
    row = await PointRepository(uow.session).get(point_id, lock=True)
    check_version(expected, row.version)
    for name, value in changes.items():
        setattr(row, name, sorted(set(value)) if name in ("regions", "categories") else value)
    if changes:
        row.version += 1
        row.updated_at = uow.now()
        _announce(uow, row, dispatch.PointUpdated)
    return row


async def add_capacity_override(
    uow: UnitOfWork,
    point_id: uuid.UUID,
    *,
    starts_on: date,
    ends_on: date,
    daily_capacity: int,
    reason: str,
    scope: Scope,
    by: OverrideAuthor,
    actor: str,
) -> CapacityOverrideRow:
    """A range of days with another capacity; a point (``by``) may only lower its own."""
    points = PointRepository(uow.session)
    point = await points.get(point_id, scope=scope, lock=True)  # one change to a calendar at a time
    check_may_set_capacity(daily_capacity, point.daily_capacity, by=by)
    check_override(starts_on, ends_on, points.as_domain(await points.overrides(point.id)))
    row = CapacityOverrideRow(
        id=uuid.uuid4(),
        point_id=point.id,
        starts_on=starts_on,
        ends_on=ends_on,
        daily_capacity=daily_capacity,
        reason=reason,
        made_by=by,
        created_by=actor,
        created_at=uow.now(),
    )
    points.add_override(row)
    await uow.session.flush()
    return row


async def remove_capacity_override(
    uow: UnitOfWork,
    point_id: uuid.UUID,
    override_id: uuid.UUID,
    *,
    scope: Scope,
    by: OverrideAuthor,
) -> CapacityOverrideRow:
    """Remove an override (a point only one it made); returns it as it was."""
    points = PointRepository(uow.session)
    await points.get(point_id, scope=scope, lock=True)
    row = await points.override(point_id, override_id)
    check_may_remove_override(row.made_by, by=by)
    await points.delete_override(row)
    return row


@dataclass(frozen=True)
class CalendarDay:
    day: date
    capacity: int
    booked: int
    overridden: bool


async def capacity_calendar(
    uow: UnitOfWork, point_id: uuid.UUID, start: date, end: date, *, scope: Scope
) -> list[CalendarDay]:
    points = PointRepository(uow.session)
    point = await points.get(point_id, scope=scope)
    overrides = points.as_domain(await points.overrides(point.id, start, end))
    booked = await points.booked_by_day(point.id, start, end)
    out = []
    for d in days(start, end):
        capacity = capacity_on(d, point.daily_capacity, overrides)
        overridden = any(o.starts_on <= d <= o.ends_on for o in overrides)
        out.append(CalendarDay(d, capacity, booked.get(d, 0), overridden))
    return out


async def apply_grade(uow: UnitOfWork, event: Envelope[feedback.PointGraded]) -> None:
    graded = event.data
    point = await PointRepository(uow.session).find(graded.point_id)
    if point is None:
        log.warning("grade.unknown_point", point_id=str(graded.point_id))
        return
    if not grade_is_newer(point.grade_month, graded.month):
        return  # an older month's grade arriving late changes nothing
    point.grade = graded.grade
    point.grade_month = graded.month
    point.version += 1
    point.updated_at = uow.now()
