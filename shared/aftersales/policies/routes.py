"""``/v1/policies`` on every service, for the policies it owns (docs/policies.md).

A policy's path carries its name, which starts with its service
(``/v1/policies/billing.late_grace``), so the single origin routes it by prefix like any other
resource. ``GET /v1/policies`` lists one
service's policies and is reached on each service directly (as ``/v1/audit``), or with
``aftersales policies``.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from fastapi import APIRouter, Request
from pydantic import BaseModel, ConfigDict, Field
from starlette.responses import Response

from aftersales.audit import Audit
from aftersales.auth import Principal, require_roles
from aftersales.errors import Conflict, NotFound, Unprocessable
from aftersales.http.deps import DatabaseDep
from aftersales.http.idempotency import IdempotencyKey, run_command
from aftersales.policies.catalogue import policies_of
from aftersales.policies.domain import (
    PolicySpec,
    SelfApproval,
    Version,
    WrongType,
    check_approver,
    in_force,
    in_force_from,
)
from aftersales.policies.store import PolicyRepository, next_number
from aftersales.unit_of_work import UnitOfWork


class PolicyVersionOut(BaseModel):
    number: int
    value: Any
    effective_from: datetime
    note: str
    proposed_by: str
    proposed_at: datetime
    approved_by: str | None
    approved_at: datetime | None
    in_force_from: datetime | None = Field(
        description="The later of effective_from and the approval; null while pending."
    )
    status: str = Field(description="pending or approved")


class PolicyOut(BaseModel):
    name: str
    type: str
    description: str
    value: Any = Field(description="The value in force now (null before any is approved).")
    version: int | None = Field(description="The version in force now.")
    versions: list[PolicyVersionOut] | None = None


class PolicyList(BaseModel):
    items: list[PolicyOut]


class PolicyVersionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    value: Any
    effective_from: datetime
    note: str = Field(default="", max_length=2000)


def version_out(v: Version) -> PolicyVersionOut:
    return PolicyVersionOut(
        number=v.number,
        value=v.value,
        effective_from=v.effective_from,
        note=v.note,
        proposed_by=v.proposed_by,
        proposed_at=v.proposed_at,
        approved_by=v.approved_by,
        approved_at=v.approved_at,
        in_force_from=v.in_force_from,
        status="approved" if v.approved else "pending",
    )


def policy_out(
    spec: PolicySpec, versions: list[Version], now: datetime, *, with_versions: bool
) -> PolicyOut:
    current = in_force(versions, now)
    return PolicyOut(
        name=spec.name,
        type=spec.type_name,
        description=spec.description,
        value=current.value if current else None,
        version=current.number if current else None,
        versions=[version_out(v) for v in versions] if with_versions else None,
    )


def _spec(service: str, key: str) -> PolicySpec:
    name = f"{service}.{key}"
    found = policies_of(service).get(name)
    if found is None:
        raise NotFound(f"No policy {name!r} in {service}.", policy=name)
    return found


async def propose(
    uow: UnitOfWork, spec: PolicySpec, body: PolicyVersionIn, *, actor: str
) -> PolicyVersionOut:
    """A new version, pending until another admin approves it; a value of the wrong type is
    a 422 that changes nothing."""
    try:
        value = spec.dump(spec.validate(body.value))
    except WrongType as exc:
        raise Unprocessable(str(exc), policy=spec.name, type=spec.type_name) from exc
    if body.effective_from.tzinfo is None:
        raise Unprocessable("effective_from needs a time zone (an offset or Z).")
    repo = PolicyRepository(uow.session, uow.db.platform)
    await repo.ensure(spec)
    await repo.versions(spec.name, lock=True)
    version = Version(
        number=await next_number(uow.session, uow.db.platform, spec.name),
        value=value,
        effective_from=body.effective_from,
        proposed_by=actor,
        proposed_at=uow.now(),
        note=body.note,
    )
    await repo.add(spec.name, version)
    return version_out(version)


async def approve(
    uow: UnitOfWork, spec: PolicySpec, number: int, *, actor: str, two_person: bool
) -> PolicyVersionOut:
    """The version comes into force at its effective_from, or now if that has passed."""
    repo = PolicyRepository(uow.session, uow.db.platform)
    versions = {v.number: v for v in await repo.versions(spec.name, lock=True)}
    version = versions.get(number)
    if version is None:
        raise NotFound(f"{spec.name} has no version {number}.", policy=spec.name)
    if version.approved:
        raise Conflict(
            f"Version {number} of {spec.name} is approved already.",
            approved_by=version.approved_by,
        )
    try:
        check_approver(version.proposed_by, actor, two_person=two_person)
    except SelfApproval as exc:
        raise Conflict(str(exc), proposed_by=version.proposed_by) from exc
    now = uow.now()
    since = in_force_from(version.effective_from, now)
    await repo.approve(spec.name, number, by=actor, at=now, from_=since)
    approved = Version(
        **{**version.__dict__, "approved_by": actor, "approved_at": now, "in_force_from": since}
    )
    return version_out(approved)


def policies_router(service: str) -> APIRouter:
    """The routes of ``service``'s policies (its names start with ``<service>.``)."""
    router = APIRouter(tags=["policies"])
    prefix = f"/v1/policies/{service}.{{key}}"

    @router.get("/v1/policies", response_model=PolicyList, name="list_policies")
    async def list_policies(
        request: Request, db: DatabaseDep, principal: Principal = require_roles("admin", "finance")
    ) -> PolicyList:
        """This service's policies and the value of each in force now."""
        async with db.uow() as uow:
            found = await PolicyRepository(uow.session, db.platform).all_versions()
            now = uow.now()
        return PolicyList(
            items=[
                policy_out(spec, found.get(name, []), now, with_versions=False)
                for name, spec in sorted(policies_of(service).items())
            ]
        )

    @router.get(prefix, response_model=PolicyOut, name=f"get_{service}_policy")
    async def get_policy(
        key: str, db: DatabaseDep, principal: Principal = require_roles("admin", "finance")
    ) -> PolicyOut:
        """A policy with every version: proposed, approved, and from when each holds."""
        spec = _spec(service, key)
        async with db.uow() as uow:
            versions = await PolicyRepository(uow.session, db.platform).versions(spec.name)
            now = uow.now()
        return policy_out(spec, versions, now, with_versions=True)

    @router.post(
        prefix + "/versions",
        response_model=PolicyVersionOut,
        status_code=201,
        name=f"propose_{service}_policy_version",
    )
    async def propose_version(
        key: str,
        body: PolicyVersionIn,
        request: Request,
        db: DatabaseDep,
        idempotency_key: IdempotencyKey = None,
        principal: Principal = require_roles("admin"),
    ) -> Response:
        """Propose a new value from ``effective_from``; it waits for an admin's approval."""
        spec = _spec(service, key)

        async def command(uow: UnitOfWork) -> PolicyVersionOut:
            return await propose(uow, spec, body, actor=principal.actor)

        return await run_command(
            request,
            db,
            command,
            principal=principal,
            key=idempotency_key,
            body=body,
            audit=Audit("policy", "version_proposed", object_id=spec.name),
        )

    @router.post(
        prefix + "/versions/{version}/approve",
        response_model=PolicyVersionOut,
        name=f"approve_{service}_policy_version",
    )
    async def approve_version(
        key: str,
        version: int,
        request: Request,
        db: DatabaseDep,
        idempotency_key: IdempotencyKey = None,
        principal: Principal = require_roles("admin"),
    ) -> Response:
        """Approve a pending version; with AFTERSALES_POLICY_TWO_PERSON on, not by its
        proposer (409). It holds from its effective_from, or from now if that has passed."""
        spec = _spec(service, key)
        two_person = request.app.state.settings.two_person_policies

        async def command(uow: UnitOfWork) -> PolicyVersionOut:
            return await approve(uow, spec, version, actor=principal.actor, two_person=two_person)

        return await run_command(
            request,
            db,
            command,
            principal=principal,
            key=idempotency_key,
            status_code=200,
            audit=Audit("policy", "version_approved", object_id=spec.name),
        )

    return router
