"""One shape for the simple commands on an object: act in one transaction, present the row,
and leave an audit record when the write is one to audit."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from fastapi import Request
from pydantic import BaseModel
from starlette.responses import Response

from aftersales.audit import Audit
from aftersales.auth import Principal
from aftersales.db import UnitOfWork
from aftersales.http.deps import DatabaseDep
from aftersales.http.etag import etag_of
from aftersales.http.idempotency import run_command

Row = TypeVar("Row")


async def step(
    request: Request,
    db: DatabaseDep,
    principal: Principal,
    present: Callable[[Row], BaseModel],
    act: Callable[[UnitOfWork], Awaitable[Row]],
    *,
    status_code: int = 200,
    audit: Audit | None = None,
) -> Response:
    """Run ``act`` (honouring ``Idempotency-Key``) and answer with the row presented, its
    version as the ETag; ``audit`` records the write in the same transaction."""

    async def command(uow: UnitOfWork) -> BaseModel:
        return present(await act(uow))

    def headers(out: Any) -> dict[str, str]:
        return {"ETag": etag_of(out.version)}

    return await run_command(
        request,
        db,
        command,
        principal=principal,
        status_code=status_code,
        headers_for=headers,
        audit=audit,
    )
