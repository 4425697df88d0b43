"""``Idempotency-Key`` for creating POSTs.

Same key and same body: the stored response is replayed. Same key, other body: 422. Same key
while the first request is still running: 409. Everything happens in the command's own, single
transaction: a transaction-scoped advisory lock on (caller, key) tells a concurrent twin at once
that the first is in flight, and the response is stored in the same commit as the change it
reports, so "created" and "remembered" can never disagree. A request that dies leaves nothing
behind: its lock goes with its transaction. Keys are kept ``idempotency_ttl_hours`` (24 h).
"""

from __future__ import annotations

import hashlib
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any, TypeVar

import orjson
from fastapi import Header, Request
from pydantic import BaseModel
from sqlalchemy import BigInteger, Table, bindparam, func, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from starlette.responses import Response

from aftersales.audit import Audit
from aftersales.auth import Principal
from aftersales.database import Database, lost_a_race
from aftersales.errors import IdempotencyConflict, IdempotencyMismatch, Unprocessable
from aftersales.unit_of_work import UnitOfWork

IdempotencyKey = Annotated[
    str | None,
    Header(
        alias="Idempotency-Key",
        description="Makes a creating POST safe to retry: same key and body replay the response.",
        min_length=1,
        max_length=255,
        pattern=r"^[\x21-\x7e]([\x20-\x7e]*[\x21-\x7e])?$",
    ),
]

Command = Callable[[UnitOfWork], Awaitable[BaseModel]]
Authorize = Callable[[UnitOfWork], Awaitable[object]]
HeadersFor = Callable[[BaseModel], dict[str, str]]


def request_fingerprint(method: str, path: str, body: BaseModel | None) -> str:
    payload = body.model_dump(mode="json") if body is not None else None
    raw = orjson.dumps([method, path, payload], option=orjson.OPT_SORT_KEYS)
    return hashlib.sha256(raw).hexdigest()


@dataclass(frozen=True)
class _Statements:
    """Built once per table: the keyed path runs on every creating POST."""

    lock: Any
    read: Any
    write: Any


_STATEMENTS: dict[Table, _Statements] = {}
_STORED = (
    "method",
    "path",
    "request_hash",
    "state",
    "claimed_at",
    "expires_at",
    "response_status",
    "response_body",
    "response_headers",
)


def _statements(table: Table) -> _Statements:
    if table not in _STATEMENTS:
        upsert = pg_insert(table).values({c: bindparam(c) for c in ("principal", "key", *_STORED)})
        _STATEMENTS[table] = _Statements(
            lock=select(func.pg_try_advisory_xact_lock(bindparam("lock_id", type_=BigInteger))),
            read=select(table).where(
                table.c.principal == bindparam("principal"), table.c.key == bindparam("key")
            ),
            write=upsert.on_conflict_do_update(
                index_elements=["principal", "key"],
                set_={c: upsert.excluded[c] for c in _STORED},
            ),
        )
    return _STATEMENTS[table]


async def _audited(
    uow: UnitOfWork, command: Command, principal: Principal, audit: Audit | None
) -> BaseModel:
    """The command, with its audit record in the same transaction when it is one to audit."""
    if audit is None:
        return await command(uow)
    before = await audit.load(uow)
    result = await command(uow)
    await audit.write(uow, principal, before, result)
    return result


def _json_response(body: bytes, status: int, headers: dict[str, str]) -> Response:
    return Response(body, status_code=status, media_type="application/json", headers=headers)


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
    authorize: Authorize | None = None,
    audit: Audit | None = None,
) -> Response:
    """Run a command in one transaction, honouring ``Idempotency-Key`` when one was sent.

    A key belongs to the caller's whole scope (``Principal.key``: role, subject, tenant, point,
    technician), and ``authorize`` (the command's own object-scope check, raising 404) runs
    again before a stored response is replayed, so a replay never shows what the caller could
    not see now."""
    if key is None:

        async def once() -> BaseModel:
            async with db.uow() as uow:
                result = await _audited(uow, command, principal, audit)
                await uow.commit()
            return result

        result = await _retrying(once)
        headers = headers_for(result) if headers_for else {}
        return _json_response(result.model_dump_json().encode(), status_code, headers)

    done = await _retrying(
        lambda: keyed_command(
            db,
            command,
            principal=principal,
            key=key,
            method=request.method,
            path=request.url.path,
            body=body,
            status_code=status_code,
            ttl_hours=request.app.state.settings.idempotency_ttl_hours,
            headers_for=headers_for,
            authorize=authorize,
            audit=audit,
        )
    )
    if done.replayed:
        return Response(
            done.body,
            status_code=done.status,
            media_type="application/json",
            headers={**done.headers, "Idempotent-Replayed": "true"},
        )
    return _json_response(done.body, done.status, done.headers)


# Attempts of a command whose transaction lost a race (a deadlock, a serialization failure):
# the loser is rolled back whole, so doing it again is safe, and the caller sees no 500.
COMMAND_ATTEMPTS = 3
T = TypeVar("T")


async def _retrying(attempt: Callable[[], Awaitable[T]]) -> T:
    for n in range(1, COMMAND_ATTEMPTS + 1):
        try:
            return await attempt()
        except Exception as exc:
            if n == COMMAND_ATTEMPTS or not lost_a_race(exc):
                raise
    raise AssertionError("unreachable")


@dataclass(frozen=True)
class Keyed:
    """What a keyed command answered: now, or before (``replayed``) under the same key."""

    replayed: bool
    status: int
    body: bytes
    headers: dict[str, str]


async def keyed_command(
    db: Database,
    command: Command,
    *,
    principal: Principal,
    key: str,
    method: str,
    path: str,
    body: BaseModel | None,
    status_code: int,
    ttl_hours: float,
    headers_for: HeadersFor | None = None,
    authorize: Authorize | None = None,
    audit: Audit | None = None,
) -> Keyed:
    """Run ``command`` once per (caller, key) in its own transaction, as if it had been sent
    to ``method path`` with ``body``: the same key again replays the stored answer, so a
    command sent alone and the same one sent in a batch (``POST /v1/jobs/status-batch``) are
    one and the same."""
    if not key.strip():
        raise Unprocessable("Idempotency-Key must not be blank.")
    table = db.platform.idempotency_keys
    fingerprint = request_fingerprint(method, path, body)
    owner = principal.key
    lock_id = int.from_bytes(
        hashlib.sha256(f"{owner}\x00{key}".encode()).digest()[:8], "big", signed=True
    )

    sql = _statements(table)
    async with db.uow() as uow:
        session = uow.session
        got_lock = await session.scalar(sql.lock, {"lock_id": lock_id})
        if not got_lock:
            raise IdempotencyConflict(
                "A request with this Idempotency-Key is still being processed; retry later.",
            )
        now = datetime.now(UTC)
        row = (
            (await session.execute(sql.read, {"principal": owner, "key": key}))
            .mappings()
            .one_or_none()
        )
        if row is not None and row["expires_at"] > now:
            if authorize is not None:
                await authorize(uow)
            if row["request_hash"] != fingerprint:
                raise IdempotencyMismatch(
                    "This Idempotency-Key was used with a different request; use a new key.",
                )
            return Keyed(
                True, row["response_status"], row["response_body"], row["response_headers"] or {}
            )
        result = await _audited(uow, command, principal, audit)
        headers = headers_for(result) if headers_for else {}
        response_body = result.model_dump_json().encode()  # serialised once: stored and sent
        stored = {
            "method": method,
            "path": path,
            "request_hash": fingerprint,
            "state": "done",
            "claimed_at": now,
            "expires_at": now + timedelta(hours=ttl_hours),
            "response_status": status_code,
            "response_body": response_body,
            "response_headers": headers,
        }
        await session.execute(sql.write, {"principal": owner, "key": key, **stored})
        await uow.commit()
    return Keyed(False, status_code, response_body, headers)
