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
from sqlalchemy.engine import RowMapping
from starlette.responses import Response

from aftersales.audit import Audit
from aftersales.auth import Principal
from aftersales.database import Database, lost_a_race
from aftersales.errors import (
    AftersalesError,
    IdempotencyConflict,
    IdempotencyMismatch,
    Unprocessable,
)
from aftersales.one_statement import Claim
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
    one_statement: bool = False,
) -> Response:
    """Run a command in one transaction, honouring ``Idempotency-Key`` when one was sent.
    ``one_statement``: a create that only reads and adds rows, written in one statement with
    its key's claim (:mod:`aftersales.one_statement`).

    A key belongs to the caller's whole scope (``Principal.key``: role, subject, tenant, point,
    technician), and ``authorize`` (the command's own object-scope check, raising 404) runs
    again before a stored response is replayed, so a replay never shows what the caller could
    not see now."""
    if key is None:

        async def once() -> BaseModel:
            async with db.uow(one_statement=one_statement) as uow:
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
            one_statement=one_statement,
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
    one_statement: bool = False,
) -> Keyed:
    """Run ``command`` once per (caller, key) in its own transaction, as if it had been sent
    to ``method path`` with ``body``: the same key again replays the stored answer, so a
    command sent alone and the same one sent in a batch (``POST /v1/jobs/status-batch``) are
    one and the same. ``one_statement``: the command only reads and adds rows, and its writes
    and the key's claim go in one statement (:mod:`aftersales.one_statement`)."""
    if not key.strip():
        raise Unprocessable("Idempotency-Key must not be blank.")
    request = _KeyedRequest(
        principal.key, key, method, path, request_fingerprint(method, path, body), authorize
    )
    if one_statement:
        if audit is not None:
            raise ValueError("an audited command is not a one-statement create")
        return await _keyed_in_one_statement(
            db, command, request, status_code, ttl_hours, headers_for
        )
    lock_id = int.from_bytes(
        hashlib.sha256(f"{request.owner}\x00{key}".encode()).digest()[:8], "big", signed=True
    )
    sql = _statements(db.platform.idempotency_keys)
    async with db.uow() as uow:
        got_lock = await uow.session.scalar(sql.lock, {"lock_id": lock_id})
        if not got_lock:
            raise IdempotencyConflict(
                "A request with this Idempotency-Key is still being processed; retry later.",
            )
        now = datetime.now(UTC)
        if (row := await request.stored(uow, now)) is not None:
            return await request.replay(uow, row)
        result = await _audited(uow, command, principal, audit)
        answer = _answer(result, status_code, headers_for)
        await uow.session.execute(sql.write, request.row(answer, now, ttl_hours))
        await uow.commit()
    return answer


@dataclass(frozen=True)
class _KeyedRequest:
    owner: str
    key: str
    method: str
    path: str
    fingerprint: str
    authorize: Authorize | None

    async def stored(self, uow: UnitOfWork, now: datetime) -> RowMapping | None:
        """What the key remembers, unless it expired."""
        read = _statements(uow.db.platform.idempotency_keys).read
        row = (
            (await uow.session.execute(read, {"principal": self.owner, "key": self.key}))
            .mappings()
            .one_or_none()
        )
        return row if row is not None and row["expires_at"] > now else None

    async def replay(self, uow: UnitOfWork, row: RowMapping) -> Keyed:
        if self.authorize is not None:
            await self.authorize(uow)
        if row["request_hash"] != self.fingerprint:
            raise IdempotencyMismatch(
                "This Idempotency-Key was used with a different request; use a new key.",
            )
        return Keyed(
            True, row["response_status"], row["response_body"], row["response_headers"] or {}
        )

    def row(self, answer: Keyed, now: datetime, ttl_hours: float) -> dict[str, Any]:
        """The key's row, remembering ``answer``."""
        return {
            "principal": self.owner,
            "key": self.key,
            "method": self.method,
            "path": self.path,
            "request_hash": self.fingerprint,
            "state": "done",
            "claimed_at": now,
            "expires_at": now + timedelta(hours=ttl_hours),
            "response_status": answer.status,
            "response_body": answer.body,
            "response_headers": answer.headers,
        }


def _answer(result: BaseModel, status_code: int, headers_for: HeadersFor | None) -> Keyed:
    headers = headers_for(result) if headers_for else {}
    # Serialised once: stored and sent.
    return Keyed(False, status_code, result.model_dump_json().encode(), headers)


async def _keyed_in_one_statement(
    db: Database,
    command: Command,
    request: _KeyedRequest,
    status_code: int,
    ttl_hours: float,
    headers_for: HeadersFor | None,
) -> Keyed:
    """The hot path of a keyed create: the command's read, then one statement that claims the
    key and writes; the key is read only when that claim lost, or the command refused."""
    table = db.platform.idempotency_keys
    async with db.uow(one_statement=True) as uow:
        now = datetime.now(UTC)
        try:
            result = await command(uow)
        except AftersalesError:
            # What the key answered before comes first (the customer may be gone since).
            if (row := await request.stored(uow, now)) is not None:
                return await request.replay(uow, row)
            raise
        answer = _answer(result, status_code, headers_for)
        uow.claim(Claim(table, request.row(answer, now, ttl_hours), ("principal", "key"), now))
        await uow.commit()
        if uow.claimed:
            return answer
        if (row := await request.stored(uow, now)) is None:  # purged in the instant between
            raise IdempotencyConflict("This Idempotency-Key was just released; retry.")
        return await request.replay(uow, row)
