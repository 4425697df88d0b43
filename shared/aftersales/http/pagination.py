"""Cursor (keyset) pagination: opaque cursors, ``limit`` capped at 100."""

from __future__ import annotations

import base64
import uuid
from datetime import datetime
from typing import Annotated, Any, Generic, TypeVar

import orjson
from fastapi import Query
from pydantic import BaseModel
from sqlalchemy import ColumnElement, Select, tuple_
from sqlalchemy.ext.asyncio import AsyncSession

from aftersales.errors import BadCursor

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
