"""A board's list order and counts in SQL, and the query parameters they share, for a service
that lists its open items by the clock that matters next (``aftersales.board`` says the same in
Python).

A service describes its board (``DueBoard``: its clocks as SQL cases over its table); the
board then

- orders the open rows by their next due time, then id, those with no running clock last
  (``sort=next_due``: ``DueBoard.page``), with a keyset cursor of that order's own;
- counts them per status and per clock bucket in one statement (``DueBoard.counts``).

And a list reads ``sort`` against its other parameters with ``by_next_due``, and the
``region`` filter with ``Region``.
"""

from __future__ import annotations

import base64
import uuid
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Annotated, Any, cast

import orjson
from fastapi import Query
from sqlalchemy import (
    ColumnElement,
    DateTime,
    Select,
    String,
    case,
    func,
    literal,
    null,
    select,
    tuple_,
    type_coerce,
)
from sqlalchemy.ext.asyncio import AsyncSession

from aftersales.board import REGION_PATTERN, buckets
from aftersales.errors import BadCursor, Unprocessable

Region = Annotated[
    str | None,
    Query(
        pattern=REGION_PATTERN,
        description="the site's administrative region code or its prefix: 2 digits a "
        "province, 4 a city, 6 a district (310000 is the province 31, 310100 the city 3101)",
    ),
]

TZ = DateTime(timezone=True)
# Where a row with no running clock sorts: after every due time (the cursor names it).
NO_DUE = datetime(9999, 12, 31, tzinfo=UTC)
CURSOR_TAG = "next_due"
# (condition, the clock's name, its due time): the first case that holds decides; a None clock
# and due say that no clock runs.
ClockCase = tuple[ColumnElement[bool], str | None, Any]


def encode_due_cursor(due: datetime | None, row_id: uuid.UUID) -> str:
    raw = orjson.dumps([CURSOR_TAG, (due or NO_DUE).isoformat(), str(row_id)])
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_due_cursor(cursor: str) -> tuple[datetime, uuid.UUID]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        tag, due, row_id = orjson.loads(raw)
        if tag != CURSOR_TAG:
            raise ValueError(tag)
        return datetime.fromisoformat(due), uuid.UUID(row_id)
    except Exception as exc:
        raise BadCursor(
            "The cursor is not one this list issued in the order sort=next_due: pass the "
            "next_cursor of an answer in the same order."
        ) from exc


async def next_due_page(
    session: AsyncSession,
    stmt: Select[Any],
    *,
    key: ColumnElement[Any],
    id_col: Any,
    cursor: str | None,
    limit: int,
) -> tuple[list[Any], str | None]:
    """The rows of ``stmt`` (a ``select(Entity)`` with its filters, the open rows only) by
    ``key`` (the next due time, ``NO_DUE`` when no clock runs), then ``id_col``. The cursor
    of the next page, or None."""
    if cursor is not None:
        after_due, after_id = decode_due_cursor(cursor)
        after = tuple_(literal(after_due, TZ), literal(after_id, id_col.type))
        stmt = stmt.where(tuple_(key, id_col) > after)
    query = stmt.add_columns(key).order_by(key, id_col).limit(limit + 1)
    rows = list((await session.execute(query)).all())
    items = [r[0] for r in rows[:limit]]
    if len(rows) <= limit:
        return items, None
    last = rows[limit - 1]
    return items, encode_due_cursor(last[1], getattr(last[0], str(id_col.key)))


def by_next_due(
    sort: str, *, status: str | None, since: str | None, ended: Collection[str], noun: str
) -> bool:
    """Whether a list is in the order of the next due time (``sort=next_due``); it lists open
    ``noun``s only (a ``status`` filter in ``ended`` is refused), and is not a sync (a sync
    follows the commit order)."""
    if sort != "next_due":
        return False
    if since is not None:
        raise Unprocessable("since follows the commit order: it does not go with sort=next_due.")
    if status is not None and status in ended:
        raise Unprocessable(
            f"sort=next_due lists open {noun}s; a {status} {noun} has no clock.", status=status
        )
    return True


@dataclass(frozen=True, eq=False)
class DueBoard:
    """A service's board over one table: its clocks as SQL ``cases`` (the first that holds
    decides), the table's ``id`` and ``status`` columns, the open ``statuses`` in the order of
    an item's life, the ``clocks`` in the order of the buckets, and when a row is ``paused``.

    ``stored``: the table's two stored generated columns of :meth:`generated_sql` (the next
    clock's name, and its due time or ``NO_DUE``), so that the order is an index's and the
    counts group plain columns; without them the cases are computed in each query."""

    cases: Sequence[ClockCase]
    id_col: Any
    status: Any
    statuses: Sequence[str]
    clocks: Sequence[str]
    paused: ColumnElement[bool]
    stored: tuple[Any, Any] | None = None

    def next_clock(self) -> ColumnElement[Any]:
        """The name of a row's next clock, or null when none runs."""
        if self.stored is not None:
            return cast("ColumnElement[Any]", self.stored[0])
        whens = ((c, null() if n is None else literal(n)) for c, n, _ in self.cases)
        return type_coerce(case(*whens, else_=null()), String())

    def next_due(self) -> ColumnElement[Any]:
        """The due time of a row's next clock, or null when none runs."""
        whens = ((c, null() if d is None else d) for c, _, d in self.cases)
        return type_coerce(case(*whens, else_=null()), TZ)

    def due_key(self) -> ColumnElement[Any]:
        """A row's next due time, ``NO_DUE`` when no clock runs: the board's order."""
        if self.stored is not None:
            return cast("ColumnElement[Any]", self.stored[1])
        return func.coalesce(self.next_due(), literal(NO_DUE, TZ))

    def generated_sql(self) -> tuple[str, str]:
        """The SQL of the two stored generated columns (the clock's name; the due time or
        ``NO_DUE``), over the table's own columns: what its model and migration declare."""
        from sqlalchemy.dialects import postgresql

        table = self.id_col.table

        def sql(expression: ColumnElement[Any]) -> str:
            compiled = expression.compile(
                dialect=postgresql.dialect(), compile_kwargs={"literal_binds": True}
            )
            return str(compiled).replace(f"{table.fullname}.", "")

        # to_timestamp(seconds) is immutable, as a generated column's expression must be.
        due = func.coalesce(self.next_due(), func.to_timestamp(int(NO_DUE.timestamp())))
        whens = ((c, null() if n is None else literal(n)) for c, n, _ in self.cases)
        return f"({sql(case(*whens, else_=null()))})", f"({sql(due)})"

    def open_rows(self) -> ColumnElement[bool]:
        return cast("ColumnElement[bool]", self.status.in_(self.statuses))

    async def page(
        self, session: AsyncSession, stmt: Select[Any], *, cursor: str | None, limit: int
    ) -> tuple[list[Any], str | None]:
        """The open rows of ``stmt`` (a ``select(Entity)`` with its filters) by their next due
        time, then id; those with no running clock last."""
        return await next_due_page(
            session,
            stmt.where(self.open_rows()),
            key=self.due_key(),
            id_col=self.id_col,
            cursor=cursor,
            limit=limit,
        )

    async def counts(self, session: AsyncSession, where: Any, now: datetime) -> dict[str, Any]:
        """The open rows matching ``where`` (a condition, or None): their number, per status
        and per clock bucket (``aftersales.board.bucket``) as of ``now``, in one statement.

        Each row's next clock and whether it is breached are computed once, and the rows are
        grouped by them (a handful of groups); the buckets are summed here. (One count per
        bucket with a filter each computed the clock again for every bucket.)"""
        clock = self.next_clock()
        breached = self.due_key() < literal(now, TZ)
        stmt = select(self.status, clock, breached, self.paused, func.count()).where(
            self.open_rows()
        )
        if where is not None:
            stmt = stmt.where(where)
        grouped = (
            await session.execute(stmt.group_by(self.status, clock, breached, self.paused))
        ).all()
        by_status = dict.fromkeys(self.statuses, 0)
        by_clock = dict.fromkeys(buckets(self.clocks), 0)
        for status, name, late, paused, n in grouped:
            by_status[status] += n
            if name is None:  # no clock runs
                by_clock["paused" if paused else "no_clock"] += n
            else:
                by_clock["breached" if late else f"{name}_due"] += n
        return {"total": sum(by_status.values()), "by_status": by_status, "by_clock": by_clock}
