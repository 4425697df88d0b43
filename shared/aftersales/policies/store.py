"""The policy tables of a service's schema: versions read and written, the values a decision
reads at its fact's time, and version 1 from the environment at the first start."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.dialects.postgresql import distinct_on
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncSession

from aftersales.database import Database
from aftersales.logging import get_logger
from aftersales.platform_tables import PlatformTables
from aftersales.policies.domain import BEGINNING, ENVIRONMENT, PolicySpec, Version, in_force
from aftersales.unit_of_work import UnitOfWork

log = get_logger(__name__)


def _version(row: Any) -> Version:
    return Version(
        number=row["number"],
        value=row["value"],
        effective_from=row["effective_from"],
        proposed_by=row["proposed_by"],
        proposed_at=row["proposed_at"],
        note=row["note"],
        approved_by=row["approved_by"],
        approved_at=row["approved_at"],
        in_force_from=row["in_force_from"],
    )


class PolicyRepository:
    def __init__(self, session: AsyncSession, tables: PlatformTables) -> None:
        self.session = session
        self.versions_table = tables.policy_versions
        self.policies_table = tables.policies

    async def versions(self, name: str, *, lock: bool = False) -> list[Version]:
        t = self.versions_table
        stmt = select(t).where(t.c.name == name).order_by(t.c.number)
        if lock:
            # Serialises proposals and approvals of one policy (its row, not its versions).
            p = self.policies_table
            await self.session.execute(select(p.c.name).where(p.c.name == name).with_for_update())
        rows = (await self.session.execute(stmt)).mappings().all()
        return [_version(r) for r in rows]

    async def all_versions(self) -> dict[str, list[Version]]:
        t = self.versions_table
        rows = (
            (await self.session.execute(select(t).order_by(t.c.name, t.c.number))).mappings().all()
        )
        out: dict[str, list[Version]] = {}
        for r in rows:
            out.setdefault(r["name"], []).append(_version(r))
        return out

    async def ensure(self, spec: PolicySpec) -> None:
        await self.session.execute(
            pg_insert(self.policies_table)
            .values(name=spec.name, value_type=spec.type_name)
            .on_conflict_do_nothing()
        )

    async def add(self, name: str, version: Version) -> bool:
        """Insert ``version``; False when that number exists already."""
        result = await self.session.execute(
            pg_insert(self.versions_table)
            .values(
                name=name,
                number=version.number,
                value=version.value,
                effective_from=version.effective_from,
                note=version.note,
                proposed_by=version.proposed_by,
                proposed_at=version.proposed_at,
                approved_by=version.approved_by,
                approved_at=version.approved_at,
                in_force_from=version.in_force_from,
            )
            .on_conflict_do_nothing()
            .returning(self.versions_table.c.number)
        )
        return result.first() is not None

    async def approve(
        self, name: str, number: int, *, by: str, at: datetime, from_: datetime
    ) -> None:
        t = self.versions_table
        await self.session.execute(
            t.update()
            .where(t.c.name == name, t.c.number == number)
            .values(approved_by=by, approved_at=at, in_force_from=from_)
        )


async def values_at(uow: UnitOfWork, at: datetime, defaults: Mapping[str, Any]) -> dict[str, Any]:
    """The value in force at ``at`` of each policy named in ``defaults`` (one statement);
    a policy with no version in force then keeps its default (the environment's value)."""
    t = uow.db.platform.policy_versions
    stmt = (
        select(t.c.name, t.c.value)
        .where(
            t.c.name.in_(list(defaults)),
            t.c.in_force_from.is_not(None),
            t.c.in_force_from <= at,
        )
        .order_by(t.c.name, t.c.in_force_from.desc(), t.c.approved_at.desc(), t.c.number.desc())
        .ext(distinct_on(t.c.name))
    )
    found = {name: value for name, value in (await uow.session.execute(stmt)).all()}
    return {name: found.get(name, default) for name, default in defaults.items()}


async def bootstrap(
    db: Database, specs: Mapping[str, PolicySpec], settings: Any, *, now: datetime
) -> list[str]:
    """Record the environment's value of each policy with no version yet as version 1
    (in force from the beginning); for a policy that has versions, a different environment
    value is ignored and logged. Returns the names whose environment value was ignored.
    Replicas starting at once insert version 1 once."""
    ignored = []
    async with db.uow() as uow:
        repo = PolicyRepository(uow.session, db.platform)
        for spec in specs.values():
            value = spec.dump(spec.validate(getattr(settings, spec.setting)))
            await repo.ensure(spec)
            first = Version(
                number=1,
                value=value,
                effective_from=BEGINNING,
                proposed_by=ENVIRONMENT,
                proposed_at=now,
                note="the environment's value at the first start",
                approved_by=ENVIRONMENT,
                approved_at=now,
                in_force_from=BEGINNING,
            )
            if await repo.add(spec.name, first):
                log.info("policy.recorded_from_environment", policy=spec.name, value=value)
                continue
            current = in_force(await repo.versions(spec.name), now)
            if current is not None and current.value != value:
                ignored.append(spec.name)
                log.warning(
                    "policy.environment_ignored",
                    policy=spec.name,
                    setting=spec.setting,
                    environment=value,
                    in_force=current.value,
                    version=current.number,
                    detail="the policy has versions: change it with POST /v1/policies/"
                    f"{spec.name}/versions (docs/policies.md)",
                )
        await uow.commit()
    return ignored


async def next_number(session: AsyncSession, tables: PlatformTables, name: str) -> int:
    t = tables.policy_versions
    found = await session.scalar(select(func.max(t.c.number)).where(t.c.name == name))
    return int(found or 0) + 1
