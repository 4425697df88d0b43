"""The supervisor's board in SQL: the next clock of a ticket (``intake.domain.board`` says the
same in Python), the open tickets in the order of their next due time, and the counts per
status and clock bucket in one statement."""

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
    or_,
    select,
    tuple_,
    type_coerce,
)
from sqlalchemy.ext.asyncio import AsyncSession

from aftersales.errors import BadCursor
from intake.adapters.tables import TicketRow
from intake.domain.board import OPEN_STATUSES
from intake.domain.clocks import WORK_DONE

T = TicketRow
# Where a ticket with no running clock sorts: after every due time (the cursor names it).
NO_DUE = datetime(9999, 12, 31, tzinfo=UTC)
CURSOR_TAG = "next_due"
TZ = DateTime(timezone=True)


def _clock_cases() -> list[tuple[ColumnElement[bool], str, Any]]:
    """(condition, clock, its due time), the first that holds decides."""
    return [
        (T.responded_at.is_(None), "answer", T.respond_by),
        (
            and_(T.status == "scheduled", T.appointment_end.is_not(None)),
            "arrival",
            T.appointment_end,
        ),
        (
            and_(T.complete_by.is_not(None), T.checklist_done_at.is_(None)),
            "completion",
            T.complete_by,
        ),
    ]


def _stopped() -> ColumnElement[bool]:
    return or_(T.paused_at.is_not(None), T.status.in_(sorted(WORK_DONE)))


def next_clock_sql() -> ColumnElement[Any]:
    """The name of the ticket's next clock (``answer``, ``arrival``, ``completion``) or null."""
    whens = [(_stopped(), null()), *((c, literal(clock)) for c, clock, _ in _clock_cases())]
    return type_coerce(case(*whens, else_=null()), String())


def next_due_sql() -> ColumnElement[Any]:
    """The due time of the ticket's next clock, or null."""
    whens = [(_stopped(), null()), *((c, due) for c, _, due in _clock_cases())]
    return type_coerce(case(*whens, else_=null()), TZ)


def sort_key() -> ColumnElement[Any]:
    return func.coalesce(next_due_sql(), literal(NO_DUE, TZ))


def open_tickets() -> ColumnElement[bool]:
    return T.status.in_(OPEN_STATUSES)


def encode_cursor(due: datetime | None, ticket_id: uuid.UUID) -> str:
    raw = orjson.dumps([CURSOR_TAG, (due or NO_DUE).isoformat(), str(ticket_id)])
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[datetime, uuid.UUID]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        tag, due, ticket_id = orjson.loads(raw)
        if tag != CURSOR_TAG:
            raise ValueError(tag)
        return datetime.fromisoformat(due), uuid.UUID(ticket_id)
    except Exception as exc:
        raise BadCursor(
            "The cursor is not one this list issued in the order sort=next_due: pass the "
            "next_cursor of an answer in the same order."
        ) from exc


async def page_by_next_due(
    session: AsyncSession, stmt: Any, *, cursor: str | None, limit: int
) -> tuple[list[TicketRow], str | None]:
    """The open tickets of ``stmt`` (a ``select(TicketRow)`` with its filters) by their next
    due time, then id; the tickets with no running clock last."""
    key = sort_key()
    stmt = stmt.where(open_tickets())
    if cursor is not None:
        after_due, after_id = decode_cursor(cursor)
        stmt = stmt.where(
            tuple_(key, T.id) > tuple_(literal(after_due, TZ), literal(after_id, T.id.type))
        )
    query = stmt.add_columns(next_due_sql()).order_by(key, T.id).limit(limit + 1)
    rows = list((await session.execute(query)).all())
    if len(rows) <= limit:
        return [r[0] for r in rows], None
    last = rows[limit - 1]
    return [r[0] for r in rows[:limit]], encode_cursor(last[1], last[0].id)


async def counts(session: AsyncSession, where: Any, now: datetime) -> dict[str, Any]:
    """The open tickets matching ``where`` (a condition, or None), per status and per clock
    bucket, as of ``now``: one statement. Every open ticket is in one bucket
    (``intake.domain.board.bucket``)."""
    due, clock = next_due_sql(), next_clock_sql()
    running = T.paused_at.is_(None)
    columns: dict[str, Any] = {"total": func.count()}
    for status in OPEN_STATUSES:
        columns[f"status:{status}"] = func.count().filter(T.status == status)
    for name in ("answer", "arrival", "completion"):
        columns[f"clock:{name}_due"] = func.count().filter(running, clock == name, due >= now)
    columns["clock:breached"] = func.count().filter(running, due < now)
    columns["clock:paused"] = func.count().filter(T.paused_at.is_not(None))
    columns["clock:no_clock"] = func.count().filter(running, due.is_(None))
    stmt = select(*(c.label(k.replace(":", "_")) for k, c in columns.items()))
    if where is not None:
        stmt = stmt.where(where)
    row = (await session.execute(stmt.where(open_tickets()))).one()
    values = dict(zip(columns, row, strict=True))
    return {
        "total": int(values["total"]),
        "by_status": {s: int(values[f"status:{s}"]) for s in OPEN_STATUSES},
        "by_clock": {
            k.split(":", 1)[1]: int(v) for k, v in values.items() if k.startswith("clock:")
        },
    }
