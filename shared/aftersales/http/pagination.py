"""Cursor (keyset) pagination: opaque cursors, ``limit`` capped at 100.

And the sync cursor (``since``) of the lists an integrator follows for changes: commit-ordered
by an xmin-safe watermark, so that a row committed late is never skipped (see ``sync_page``).
"""

from __future__ import annotations

import base64
import hashlib
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated, Any, Generic, TypeVar

import orjson
from fastapi import Query
from pydantic import BaseModel
from sqlalchemy import BigInteger, ColumnElement, Select, Text, and_, func, select, true, tuple_
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from aftersales.errors import BadCursor, Unprocessable

T = TypeVar("T")
MAX_LIMIT = 100

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Page size, at most 100.")]
Cursor = Annotated[
    str | None, Query(max_length=512, description="Opaque cursor from the previous page.")
]


class Page(BaseModel, Generic[T]):
    items: list[T]
    next_cursor: str | None = None


def encode_cursor(sort_value: datetime, row_id: uuid.UUID) -> str:
    raw = orjson.dumps([sort_value.isoformat(), str(row_id)])
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[datetime, uuid.UUID]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        sort_value, row_id = orjson.loads(raw)
        return datetime.fromisoformat(sort_value), uuid.UUID(row_id)
    except Exception as exc:
        raise BadCursor("The cursor is not one this API issued.") from exc


async def keyset_page(
    session: AsyncSession,
    stmt: Select[Any],
    *,
    sort_col: ColumnElement[Any],
    id_col: ColumnElement[Any],
    cursor: str | None,
    limit: int,
) -> tuple[list[Any], str | None]:
    """Rows in (sort_col, id) order after ``cursor``; the cursor of the next page or None."""
    if cursor is not None:
        after_sort, after_id = decode_cursor(cursor)
        stmt = stmt.where(tuple_(sort_col, id_col) > tuple_(after_sort, after_id))
    rows = list((await session.execute(stmt.order_by(sort_col, id_col).limit(limit + 1))).scalars())
    if len(rows) <= limit:
        return rows, None
    rows = rows[:limit]
    last = rows[-1]
    return rows, encode_cursor(getattr(last, str(sort_col.key)), getattr(last, str(id_col.key)))


# The sync cursor: ``?since=`` on the lists an integrator follows for changes.
#
# Each synced table has a ``sync_xid`` column that a trigger sets, on every insert and update,
# to the writing transaction's id (``pg_current_xact_id()``, 64 bits, never wraps). A sync
# answer returns the rows whose ``sync_xid`` is below the oldest transaction still in flight
# (``pg_snapshot_xmin(pg_current_snapshot())``, taken in the same statement): every
# transaction below it has ended, so its rows are visible now and no row can later appear
# with an id below it. The cursor records how far the answer got; a row written after it has a
# higher ``sync_xid`` and is returned by a later call. docs/adr: "a commit-ordered sync cursor".

SYNC_CURSOR_TAG = "sync1"
_DIGEST = {"digest_size": 8, "person": b"aftersales-sync"}

Since = Annotated[
    str | None,
    Query(
        max_length=512,
        description=(
            "Sync cursor: the `next_since` of an earlier answer (empty to start from the first "
            "row). Returns what changed after it, in commit order, and never skips a row that "
            "committed late (`updated_since` can)."
        ),
    ),
]


class BadSyncCursor(Unprocessable):
    type_slug, title = "bad-sync-cursor", "Invalid sync cursor"


@dataclass(frozen=True)
class SyncPosition:
    """How far a sync got: every row of a transaction below ``xid`` was returned, and of
    transaction ``xid`` the rows up to ``row_id`` (None: none of them yet)."""

    xid: int
    row_id: uuid.UUID | None = None


SYNC_START = SyncPosition(0)


def encode_sync_cursor(resource: str, position: SyncPosition) -> str:
    row_id = None if position.row_id is None else str(position.row_id)
    raw = orjson.dumps([SYNC_CURSOR_TAG, resource, position.xid, row_id])
    check = hashlib.blake2b(raw, **_DIGEST).digest()  # type: ignore[arg-type]
    return base64.urlsafe_b64encode(raw + check).decode().rstrip("=")


def decode_sync_cursor(resource: str, cursor: str) -> SyncPosition:
    """The position ``cursor`` names on ``resource``'s list; ``""`` is the start. A cursor of
    another list, a list cursor, or one garbled or made up is a 422."""
    if cursor == "":
        return SYNC_START
    try:
        blob = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        raw, check = blob[:-8], blob[-8:]
        if hashlib.blake2b(raw, **_DIGEST).digest() != check:  # type: ignore[arg-type]
            raise ValueError("checksum")
        tag, of, xid, row_id = orjson.loads(raw)
        if tag != SYNC_CURSOR_TAG or not isinstance(of, str):
            raise ValueError("tag")
        if not isinstance(xid, int) or isinstance(xid, bool) or xid < 0:
            raise ValueError("xid")
        position = SyncPosition(xid, None if row_id is None else uuid.UUID(row_id))
    except Exception as exc:
        raise BadSyncCursor(
            "The sync cursor is not one this API issued: pass the next_since of an earlier "
            "answer, or an empty since to start from the first row."
        ) from exc
    if of != resource:
        raise BadSyncCursor(
            f"This sync cursor follows {of}, not {resource}: keep one cursor per list."
        )
    return position


def sync_or_page(since: str | None, cursor: str | None) -> bool:
    """Whether a list call is a sync (``since``); it never takes a list ``cursor`` too."""
    if since is not None and cursor is not None:
        raise BadSyncCursor(
            "since and cursor do not go together: a sync goes on with each answer's next_since."
        )
    return since is not None


class SyncPage(Page[T], Generic[T]):
    """A list page that also carries the sync cursor (``next_since``: set on every answer to a
    call with ``since``, null otherwise)."""

    # Its OpenAPI schema keeps the name the list had as a Page (``Page_JobOut_``), so a client
    # generated before keeps its class (docs/contract.md: names are kept, fields are added). A
    # service must not also list a Page of the same items, or the two names would clash.
    __qualname__ = "Page"

    next_since: str | None = None

    @classmethod
    def model_parametrized_name(cls, params: tuple[Any, ...]) -> str:
        return Page.model_parametrized_name(params)  # the schema's title, as its name


async def sync_page(
    session: AsyncSession,
    stmt: Select[Any],
    *,
    resource: str,
    entity: type[Any],
    since: str,
    limit: int,
) -> tuple[list[Any], str]:
    """The rows of ``stmt`` (a ``select(entity)`` with its filters) written after ``since``, in
    commit order (``sync_xid``, id), at most ``limit``; and the cursor to go on from.

    One statement: the watermark (the oldest transaction in flight) and the rows below it are
    read in one snapshot. A full page's cursor is its last row; a shorter one's is the
    watermark, so the next call starts where this snapshot ended."""
    position = decode_sync_cursor(resource, since)
    table = entity.__table__
    sync_col, id_col = table.c.sync_xid, table.c.id
    watermark = select(
        func.pg_snapshot_xmin(func.pg_current_snapshot()).cast(Text).cast(BigInteger).label("xmin")
    ).subquery("watermark")
    if position.row_id is None:
        after = sync_col >= position.xid
    else:
        after = tuple_(sync_col, id_col) > tuple_(position.xid, position.row_id)
    rows_stmt = (
        stmt.where(and_(sync_col < watermark.c.xmin, after))
        .order_by(sync_col, id_col)
        .limit(limit + 1)
        .lateral("synced")
    )
    synced = aliased(entity, rows_stmt)
    query = (
        select(watermark.c.xmin, synced)
        .select_from(watermark)
        .outerjoin(rows_stmt, true())
        .order_by(rows_stmt.c.sync_xid, rows_stmt.c.id)
    )
    result = (await session.execute(query)).all()
    xmin = int(result[0][0])
    if position.xid > xmin:
        raise BadSyncCursor(
            "The sync cursor is ahead of this database: it was not issued here, or the "
            "database was restored since. Start again with an empty since."
        )
    rows = [row for _, row in result if row is not None]
    if len(rows) > limit:
        rows = rows[:limit]
        last = rows[-1]
        return rows, encode_sync_cursor(resource, SyncPosition(last.sync_xid, last.id))
    return rows, encode_sync_cursor(resource, SyncPosition(xmin))
