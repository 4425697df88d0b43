"""What ``aftersales policies`` shows: each service's policies, the version in force now and
the versions waiting for approval, read from the services' schemas."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from aftersales.bootstrap import service_url
from aftersales.database import Database
from aftersales.policies.catalogue import policies_of
from aftersales.policies.domain import in_force
from aftersales.policies.store import PolicyRepository
from aftersales.registry import service


@dataclass(frozen=True)
class PolicyLine:
    service: str
    name: str
    value: Any
    version: int | None
    in_force_from: datetime | None
    approved_by: str | None
    pending: int


async def list_policies(
    admin_url: str, database: str, services: list[str], *, now: datetime
) -> list[PolicyLine]:
    out: list[PolicyLine] = []
    for name in services:
        specs = policies_of(name)
        if not specs:
            continue
        definition = service(name).definition()
        db = Database(service_url(admin_url, name, database), definition.metadata, pool_size=1)
        try:
            async with db.uow() as uow:
                found = await PolicyRepository(uow.session, db.platform).all_versions()
        finally:
            await db.dispose()
        for policy in sorted(specs):
            versions = found.get(policy, [])
            current = in_force(versions, now)
            out.append(
                PolicyLine(
                    service=name,
                    name=policy,
                    value=current.value if current else None,
                    version=current.number if current else None,
                    in_force_from=current.in_force_from if current else None,
                    approved_by=current.approved_by if current else None,
                    pending=sum(1 for v in versions if not v.approved),
                )
            )
    return out
