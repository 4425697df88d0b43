"""One shape for the simple commands on an object: act in one transaction, present the row,
and leave an audit record when the write is one to audit."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from fastapi import Request
from pydantic import BaseModel
from starlette.responses import Response

from aftersales.audit import Audit
from aftersales.auth import Principal
from aftersales.http.deps import DatabaseDep
from aftersales.http.etag import etag_of
from aftersales.http.idempotency import run_command
from aftersales.unit_of_work import UnitOfWork
from dispatch.adapters.repositories.scope import Scope

Row = TypeVar("Row")


async def step(
    request: Request,
    db: DatabaseDep,
    principal: Principal,
    present: Callable[[Row], BaseModel],
    act: Callable[[UnitOfWork], Awaitable[Row]],
    *,
    key: str | None = None,
    body: BaseModel | None = None,
    status_code: int = 200,
    audit: Audit | None = None,
) -> Response:
    """Run ``act`` and answer with the row presented, its version as the ETag; ``audit``
    records the write in the same transaction. With ``key`` (the route's ``Idempotency-Key``)
    the same key and ``body`` again replay the stored answer and act no second time; the same
    key with another body is a 422."""

    async def command(uow: UnitOfWork) -> BaseModel:
        return present(await act(uow))

    def headers(out: Any) -> dict[str, str]:
        return {"ETag": etag_of(out.version)}

    return await run_command(
        request,
        db,
        command,
        principal=principal,
        key=key,
        body=body,
        status_code=status_code,
        headers_for=headers,
        audit=audit,
    )


@dataclass(frozen=True)
class Trail(Generic[Row]):
    """How the moves of one kind of object are audited: its type in the audit trail, how to
    read one as the caller may see it, and how the answers present it (the record compares
    the object before and after as the answers show it)."""

    object_type: str
    read: Callable[[UnitOfWork, uuid.UUID, Scope], Awaitable[Row]]
    present: Callable[[Row], BaseModel]

    def audit(self, action: str, object_id: uuid.UUID, scope: Scope = Scope()) -> Audit:
        """The audit record of ``action`` on an existing object, with it as it was before."""

        async def before(uow: UnitOfWork) -> BaseModel:
            return self.present(await self.read(uow, object_id, scope))

        return Audit(self.object_type, action, before=before)
