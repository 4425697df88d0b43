"""Technicians of a network point, and their dismissal after a third substantiated complaint."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from aftersales.errors import Conflict
from aftersales.events import Envelope, feedback
from aftersales.http.etag import check_version
from aftersales.logging import get_logger
from aftersales.unit_of_work import UnitOfWork
from dispatch.adapters.repositories.jobs import JobRepository
from dispatch.adapters.repositories.points import PointRepository
from dispatch.adapters.repositories.scope import Scope
from dispatch.adapters.repositories.technicians import TechnicianRepository
from dispatch.adapters.tables.technicians import TechnicianRow
from dispatch.use_cases.job_events import unbook

log = get_logger(__name__)


@dataclass(frozen=True)
class NewTechnician:
    name: str
    phone: str
    skills: list[str]


async def add_technician(
    uow: UnitOfWork, point_id: uuid.UUID, cmd: NewTechnician, *, scope: Scope
) -> TechnicianRow:
    point = await PointRepository(uow.session).get(point_id, scope=scope)
    now = uow.now()
    row = TechnicianRow(
        id=uuid.uuid4(),
        point_id=point.id,
        name=cmd.name,
        phone=cmd.phone,
        skills=sorted(set(cmd.skills)),
        status="active",
        version=1,
        created_at=now,
        updated_at=now,
    )
    TechnicianRepository(uow.session).add(row)
    await uow.session.flush()
    return row


async def update_technician(
    uow: UnitOfWork,
    technician_id: uuid.UUID,
    changes: dict[str, Any],
    *,
    scope: Scope,
    expected: int | None,
) -> TechnicianRow:
    row = await TechnicianRepository(uow.session).get(technician_id, scope=scope, lock=True)
    check_version(expected, row.version)
    if "active" in changes:
        active = changes.pop("active")
        if row.status == "dismissed":
            raise Conflict("A dismissed technician cannot be made active or inactive again.")
        row.status = "active" if active else "inactive"
    if "skills" in changes:
        changes["skills"] = sorted(set(changes["skills"]))
    for name, value in changes.items():
        setattr(row, name, value)
    row.version += 1
    row.updated_at = uow.now()
    return row


async def apply_discipline(
    uow: UnitOfWork, event: Envelope[feedback.TechnicianDisciplined]
) -> None:
    """A dismissal takes the technician off duty: no new jobs, and booked visits go back to
    the point to give to someone else. Warnings and penalties change nothing here."""
    decided = event.data
    if decided.action != "dismissal":
        return
    tech = await TechnicianRepository(uow.session).find(decided.technician_id, lock=True)
    if tech is None:
        log.warning("discipline.unknown_technician", technician_id=str(decided.technician_id))
        return
    if tech.status == "dismissed":
        return
    now = uow.now()
    tech.status = "dismissed"
    tech.status_reason = (
        f"dismissed after strike {decided.strike} (complaint {decided.complaint_id})"
    )
    tech.version += 1
    tech.updated_at = now
    note = "technician dismissed; the point must assign another technician"
    for job in await JobRepository(uow.session).scheduled_with(tech.id):
        await unbook(uow, job, action="unassigned", at=now, now=now, actor=event.source, note=note)
