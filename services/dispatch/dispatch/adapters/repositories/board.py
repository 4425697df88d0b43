"""The board in SQL: a job's next clock (``dispatch.domain.board`` says the same in Python),
the open jobs in the order of their next due time, and the counts per status and clock
bucket in one statement."""

from __future__ import annotations

import base64
import uuid
from datetime import UTC, datetime
from typing import Any

import orjson
from sqlalchemy import (
    ColumnElement,
    DateTime,
    String,
    and_,
    case,
    func,
    literal,
    null,
    select,
    tuple_,
    type_coerce,
)
from sqlalchemy.ext.asyncio import AsyncSession

from aftersales.errors import BadCursor
from dispatch.adapters.tables.jobs import JobRow
from dispatch.domain.board import OPEN_STATUSES, TO_ARRIVE, TO_BOOK
from dispatch.domain.jobs import FINAL

J = JobRow
TZ = DateTime(timezone=True)
# Where a job with no running clock sorts: after every due time (the cursor names it).
NO_DUE = datetime(9999, 12, 31, tzinfo=UTC)
CURSOR_TAG = "next_due"


def _cases() -> list[tuple[ColumnElement[bool], Any, Any]]:
    """(condition, clock, its due time): the first that holds decides."""
    return [
        (J.status.in_(sorted(FINAL)), null(), null()),
        (
            and_(J.status == "offered", J.offer_expires_at.is_not(None)),
            literal("accept"),
            J.offer_expires_at,
        ),
        (J.paused_at.is_not(None), null(), null()),
        (and_(J.status.in_(TO_BOOK), J.respond_by.is_not(None)), literal("respond"), J.respond_by),
        (
            and_(J.status.in_(TO_ARRIVE), J.appointment_end.is_not(None)),
            literal("arrival"),
            J.appointment_end,
        ),
        (J.complete_by.is_not(None), literal("completion"), J.complete_by),
    ]


def next_clock_sql() -> ColumnElement[Any]:
    """The name of the job's next clock (``accept``, ``respond``, ...) or null."""
    return type_coerce(case(*((c, clock) for c, clock, _ in _cases()), else_=null()), String())


def next_due_sql() -> ColumnElement[Any]:
    """The due time of the job's next clock, or null."""
    return type_coerce(case(*((c, due) for c, _, due in _cases()), else_=null()), TZ)


def open_jobs() -> ColumnElement[bool]:
    return J.status.in_(OPEN_STATUSES)


def encode_cursor(due: datetime | None, job_id: uuid.UUID) -> str:
    raw = orjson.dumps([CURSOR_TAG, (due or NO_DUE).isoformat(), str(job_id)])
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[datetime, uuid.UUID]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        tag, due, job_id = orjson.loads(raw)
        if tag != CURSOR_TAG:
            raise ValueError(tag)
        return datetime.fromisoformat(due), uuid.UUID(job_id)
    except Exception as exc:
        raise BadCursor(
            "The cursor is not one this list issued in the order sort=next_due: pass the "
            "next_cursor of an answer in the same order."
        ) from exc


async def page_by_next_due(
    session: AsyncSession, stmt: Any, *, cursor: str | None, limit: int
) -> tuple[list[JobRow], str | None]:
    """The open jobs of ``stmt`` (a ``select(JobRow)`` with its filters) by their next due
    time, then id; the jobs with no running clock last."""
    key = func.coalesce(next_due_sql(), literal(NO_DUE, TZ))
    stmt = stmt.where(open_jobs())
    if cursor is not None:
        after_due, after_id = decode_cursor(cursor)
        after = tuple_(literal(after_due, TZ), literal(after_id, J.id.type))
        stmt = stmt.where(tuple_(key, J.id) > after)
    query = stmt.add_columns(next_due_sql()).order_by(key, J.id).limit(limit + 1)
    rows = list((await session.execute(query)).all())
    if len(rows) <= limit:
        return [r[0] for r in rows], None
    last = rows[limit - 1]
    return [r[0] for r in rows[:limit]], encode_cursor(last[1], last[0].id)


async def counts(session: AsyncSession, where: Any, now: datetime) -> dict[str, Any]:
    """The open jobs matching ``where`` (a condition, or None), per status and per clock
    bucket, as of ``now``: one statement. Every open job is in one bucket
    (``dispatch.domain.board.bucket``)."""
    due, clock = next_due_sql(), next_clock_sql()
    columns: dict[str, Any] = {"total": func.count()}
    for status in OPEN_STATUSES:
        columns[f"status:{status}"] = func.count().filter(J.status == status)
    for name in ("accept", "respond", "arrival", "completion"):
        columns[f"clock:{name}_due"] = func.count().filter(clock == name, due >= now)
    columns["clock:breached"] = func.count().filter(due < now)
    columns["clock:paused"] = func.count().filter(due.is_(None), J.paused_at.is_not(None))
    columns["clock:no_clock"] = func.count().filter(due.is_(None), J.paused_at.is_(None))
    stmt = select(*(c.label(k.replace(":", "_")) for k, c in columns.items()))
    if where is not None:
        stmt = stmt.where(where)
    row = (await session.execute(stmt.where(open_jobs()))).one()
    values = dict(zip(columns, row, strict=True))
    return {
        "total": int(values["total"]),
        "by_status": {s: int(values[f"status:{s}"]) for s in OPEN_STATUSES},
        "by_clock": {k[6:]: int(v) for k, v in values.items() if k.startswith("clock:")},
    }
