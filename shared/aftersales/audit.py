"""The audit trail: who changed what, when, in which request — appended, never rewritten.

Every administrative or financial write (points, technicians, capacity, the catalogue, price
lists, contracts, payments, invoices, credit notes, settlements, grading, customer edits,
webhooks) records one row in its service's ``audit_log`` in the same transaction as the change:
the actor with role and scope, the request id, the object, and each changed field with its value
before and after. Personal and secret fields (names, phones, addresses, signatures, webhook
secrets) are recorded as changed, never by value. A trigger refuses UPDATE and DELETE.
``GET /v1/audit`` (admin) lists them, filtered by object, actor and time, as JSON or CSV.
"""

from __future__ import annotations

import base64
import uuid
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import orjson
from fastapi import APIRouter, Query
from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as pg_insert

from aftersales.auth import Principal, require_roles
from aftersales.errors import BadCursor
from aftersales.http.deps import DatabaseDep
from aftersales.http.exports import CSV_RESPONSES, ExportFormat, FormatQuery, csv_response
from aftersales.http.pagination import Cursor, Limit
from aftersales.logging import request_id_var
from aftersales.privacy import PERSONAL_KEYS
from aftersales.unit_of_work import UnitOfWork

# Recorded as "changed", never by value: personal data, whole objects holding it, secrets.
PROTECTED_FIELDS = PERSONAL_KEYS | {
    "address",
    "installation_address",
    "notes",
    "customer",
    "secret",
    "previous_secret",
}
IGNORED_FIELDS = frozenset({"version", "updated_at", "created_at"})

Snapshot = Mapping[str, Any] | BaseModel | None
Loader = Callable[[UnitOfWork], Awaitable[Snapshot]]


def _as_dict(snapshot: Snapshot) -> dict[str, Any]:
    if snapshot is None:
        return {}
    if isinstance(snapshot, BaseModel):
        return snapshot.model_dump(mode="json")
    return orjson.loads(orjson.dumps(dict(snapshot), default=str))  # type: ignore[no-any-return]


def changes(
    before: Snapshot, after: Snapshot, *, protected: frozenset[str] = PROTECTED_FIELDS
) -> dict[str, Any]:
    """Each top-level field whose value differs: ``{"before": .., "after": ..}``, or
    ``{"changed": true}`` for a protected one."""
    old, new = _as_dict(before), _as_dict(after)
    out: dict[str, Any] = {}
    for name in sorted(set(old) | set(new)):
        if name in IGNORED_FIELDS or old.get(name) == new.get(name):
            continue
        if name in protected or name.endswith("_phone") or name.endswith("_name"):
            out[name] = {"changed": True}
        else:
            out[name] = {"before": old.get(name), "after": new.get(name)}
    return out


async def record(
    uow: UnitOfWork,
    *,
    principal: Principal,
    action: str,
    object_type: str,
    object_id: str,
    before: Snapshot = None,
    after: Snapshot = None,
) -> None:
    table = uow.db.platform.audit_log
    await uow.session.execute(
        pg_insert(table).values(
            id=uuid.uuid4(),
            actor=principal.actor,
            role=principal.role,
            scope=principal.scope,
            request_id=request_id_var.get(),
            action=action,
            object_type=object_type,
            object_id=object_id,
            changes=changes(before, after),
        )
    )


@dataclass(frozen=True)
class Audit:
    """How ``run_command`` records a write: the object's type, how to load it before the
    change (None for a creation), and its id when the answer has no ``id``."""

    object_type: str
    action: str
    before: Loader | None = None
    object_id: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    async def load(self, uow: UnitOfWork) -> Snapshot:
        return await self.before(uow) if self.before is not None else None

    async def write(
        self, uow: UnitOfWork, principal: Principal, before: Snapshot, after: BaseModel
    ) -> None:
        dumped = after.model_dump(mode="json")
        object_id = self.object_id or str(dumped.get("id", ""))
        await record(
            uow,
            principal=principal,
            action=self.action,
            object_type=self.object_type,
            object_id=object_id,
            before=before,
            after={**dumped, **self.extra},
        )


class AuditEntry(BaseModel):
    id: uuid.UUID
    at: datetime
    actor: str
    role: str
    scope: str | None
    request_id: str | None
    action: str
    object_type: str
    object_id: str
    changes: dict[str, Any]


class AuditPage(BaseModel):
    items: list[AuditEntry]
    next_cursor: str | None = None


router = APIRouter(tags=["audit"])
CSV_COLUMNS = (
    "at",
    "actor",
    "role",
    "scope",
    "request_id",
    "action",
    "object_type",
    "object_id",
    "changes",
)


def _cursor(seq: int) -> str:
    return base64.urlsafe_b64encode(orjson.dumps(["audit", seq])).decode().rstrip("=")


def _seq(cursor: str) -> int:
    try:
        kind, seq = orjson.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        if kind != "audit":
            raise ValueError(kind)
        return int(seq)
    except Exception as exc:
        raise BadCursor("The cursor is not one this API issued.") from exc


@router.get("/v1/audit", response_model=AuditPage, responses=CSV_RESPONSES)
async def audit_trail(
    db: DatabaseDep,
    object_type: str | None = Query(default=None, max_length=60),
    object_id: str | None = Query(default=None, max_length=200),
    actor: str | None = Query(default=None, max_length=300),
    since: datetime | None = Query(default=None, alias="from"),
    until: datetime | None = Query(default=None, alias="to"),
    cursor: Cursor = None,
    limit: Limit = 50,
    format: ExportFormat = FormatQuery,
    principal: Principal = require_roles("admin"),
) -> Any:
    """This service's audit trail, oldest first: every administrative or financial write."""
    table = db.platform.audit_log
    stmt = select(table).order_by(table.c.seq)
    for column, value in (
        (table.c.object_type, object_type),
        (table.c.object_id, object_id),
        (table.c.actor, actor),
    ):
        if value is not None:
            stmt = stmt.where(column == value)
    if since is not None:
        stmt = stmt.where(table.c.at >= since)
    if until is not None:
        stmt = stmt.where(table.c.at < until)
    if cursor is not None:
        stmt = stmt.where(table.c.seq > _seq(cursor))
    async with db.sessionmaker() as session:
        rows = (await session.execute(stmt.limit(limit + 1))).mappings().all()
    more = len(rows) > limit
    rows = rows[:limit]
    items = [AuditEntry.model_validate(dict(r)) for r in rows]
    if format == "csv":
        return csv_response(
            (
                {**e.model_dump(mode="json"), "changes": orjson.dumps(e.changes).decode()}
                for e in items
            ),
            CSV_COLUMNS,
            filename="audit.csv",
        )
    return AuditPage(items=items, next_cursor=_cursor(rows[-1]["seq"]) if more else None)
