"""``Idempotency-Key`` for creating POSTs.

Same key and same body: the stored response is replayed. Same key, other body: 422. Same key
while the first request is still running: 409. The key is claimed in its own short transaction
(so a concurrent twin sees it at once); the response is stored in the command's own transaction,
so "created" and "remembered" commit together. A claim whose request died is taken over after
``stale_seconds``. Keys are kept ``ttl_hours`` (24 h by default).
"""

from __future__ import annotations

import hashlib
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import Annotated

import orjson
from fastapi import Header, Request
from pydantic import BaseModel
from sqlalchemy import delete, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from starlette.responses import Response

from aftersales.auth import Principal
from aftersales.db import Database, UnitOfWork
from aftersales.errors import IdempotencyConflict, IdempotencyMismatch, Unprocessable

IdempotencyKey = Annotated[
    str | None,
    Header(
        alias="Idempotency-Key",
        description="Makes a creating POST safe to retry: same key and body replay the response.",
        max_length=255,
    ),
]

Command = Callable[[UnitOfWork], Awaitable[BaseModel]]
HeadersFor = Callable[[BaseModel], dict[str, str]]


def request_fingerprint(method: str, path: str, body: BaseModel | None) -> str:
    payload = body.model_dump(mode="json") if body is not None else None
    raw = orjson.dumps([method, path, payload], option=orjson.OPT_SORT_KEYS)
    return hashlib.sha256(raw).hexdigest()


def _json_response(model: BaseModel, status: int, headers: dict[str, str]) -> Response:
    return Response(
        model.model_dump_json().encode(),
        status_code=status,
        media_type="application/json",
        headers=headers,
    )


async def run_command(
    request: Request,
    db: Database,
    command: Command,
    *,
    principal: Principal,
    key: str | None = None,
    body: BaseModel | None = None,
    status_code: int = 201,
    headers_for: HeadersFor | None = None,
) -> Response:
    """Run a command in one transaction, honouring ``Idempotency-Key`` when one was sent."""
    if key is None:
        async with db.uow() as uow:
            result = await command(uow)
            await uow.commit()
        return _json_response(result, status_code, headers_for(result) if headers_for else {})

    if not key.strip():
        raise Unprocessable("Idempotency-Key must not be blank.")
    settings = request.app.state.settings
    table = db.platform.idempotency_keys
    fingerprint = request_fingerprint(request.method, request.url.path, body)
    now = datetime.now(UTC)
    owner = principal.key

    async with db.sessionmaker() as session, session.begin():
        claimed = (
            await session.execute(
                pg_insert(table)
                .values(
                    principal=owner,
                    key=key,
                    method=request.method,
                    path=request.url.path,
                    request_hash=fingerprint,
                    state="in_flight",
                    claimed_at=now,
                    expires_at=now + timedelta(hours=settings.idempotency_ttl_hours),
                )
                .on_conflict_do_nothing()
                .returning(table.c.key)
            )
        ).first()
        if claimed is None:
            row = (
                (
                    await session.execute(
                        select(table)
                        .where(table.c.principal == owner, table.c.key == key)
                        .with_for_update()
                    )
                )
                .mappings()
                .one()
            )
            expired = row["expires_at"] <= now
            stale = row["state"] == "in_flight" and row["claimed_at"] <= now - timedelta(
                seconds=settings.idempotency_stale_seconds
            )
            if expired or stale:
                await session.execute(
                    update(table)
                    .where(table.c.principal == owner, table.c.key == key)
                    .values(
                        method=request.method,
                        path=request.url.path,
                        request_hash=fingerprint,
                        state="in_flight",
                        claimed_at=now,
                        expires_at=now + timedelta(hours=settings.idempotency_ttl_hours),
                        response_status=None,
                        response_body=None,
                        response_headers=None,
                    )
                )
            elif row["request_hash"] != fingerprint:
                raise IdempotencyMismatch(
                    "This Idempotency-Key was used with a different request; use a new key.",
                )
            elif row["state"] == "in_flight":
                raise IdempotencyConflict(
                    "A request with this Idempotency-Key is still being processed; retry later.",
                )
            else:
                return Response(
                    row["response_body"],
                    status_code=row["response_status"],
                    media_type="application/json",
                    headers={**(row["response_headers"] or {}), "Idempotent-Replayed": "true"},
                )

    try:
        async with db.uow() as uow:
            result = await command(uow)
            headers = headers_for(result) if headers_for else {}
            await uow.session.execute(
                update(table)
                .where(table.c.principal == owner, table.c.key == key)
                .values(
                    state="done",
                    response_status=status_code,
                    response_body=result.model_dump_json().encode(),
                    response_headers=headers,
                )
            )
            await uow.commit()
    except BaseException:
        async with db.sessionmaker() as session, session.begin():
            await session.execute(
                delete(table).where(
                    table.c.principal == owner, table.c.key == key, table.c.state == "in_flight"
                )
            )
        raise
    return _json_response(result, status_code, headers)
