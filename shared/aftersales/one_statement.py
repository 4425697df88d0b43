"""A unit of work's writes as one statement: the hot path of a create.

A create reads what it needs (one statement), decides in Python, and adds rows. Written the
usual way, that is BEGIN, the read, an INSERT per table, the outbox's INSERT, the key's claim
and COMMIT: seven round trips or more, each with its share of SQLAlchemy's machinery. Here the
rows it added, its outbox rows and the claim of its ``Idempotency-Key`` become the
data-modifying CTEs of one statement, sent outside a transaction block: PostgreSQL runs a lone
statement as its own transaction, so everything is written or nothing is, in one round trip.

The claim guards the rest: every row is inserted ``FROM claim``, so a key already held (by an
unexpired earlier request, or a twin that committed first) writes nothing, and the caller
replays what the key stored. A twin still in flight makes the second statement wait on the
key's primary key until the first one ends, then see its row. Foreign keys are checked at the
end of the statement, so the order of the CTEs does not matter.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any

import orjson
from sqlalchemy import JSON, Column, Table, event, inspect
from sqlalchemy.dialects import postgresql
from sqlalchemy.orm import ORMExecuteState, Session, UOWTransaction

_DIALECT = postgresql.dialect()  # type: ignore[no-untyped-call]


@dataclass(frozen=True)
class Claim:
    """The row that makes the statement once-only: inserted, or taken over from an expired
    holder (``expires_at`` at or before ``reclaim_before``); otherwise nothing is written."""

    table: Table
    values: dict[str, Any]
    key_columns: tuple[str, ...]
    reclaim_before: datetime


@dataclass(frozen=True)
class Rows:
    """Rows of one table, all naming the same columns."""

    table: Table
    columns: tuple[str, ...]
    values: list[dict[str, Any]]


def values_of(entity: object) -> tuple[Table, dict[str, Any]]:
    """An ORM entity's row as an INSERT would write it: its attributes, the columns' Python
    defaults where an attribute is unset, and nothing for a column the server fills in."""
    mapper = inspect(entity).mapper
    table = mapper.local_table
    assert isinstance(table, Table)
    values: dict[str, Any] = {}
    for prop in mapper.column_attrs:
        column = prop.columns[0]
        value = getattr(entity, prop.key)
        if value is None and column.default is not None:
            default: Any = column.default
            value = default.arg(None) if default.is_callable else default.arg
        if value is None and (
            column.server_default is not None or column is table.autoincrement_column
        ):
            continue
        values[column.name] = value
    return table, values


def group_rows(rows: Sequence[tuple[Table, dict[str, Any]]]) -> list[Rows]:
    """Rows by table and column set, in the order each group first appears."""
    groups: dict[tuple[Table, tuple[str, ...]], list[dict[str, Any]]] = {}
    for table, values in rows:
        groups.setdefault((table, tuple(values)), []).append(values)
    return [Rows(table, columns, values) for (table, columns), values in groups.items()]


def statement(claim: Claim | None, groups: Sequence[Rows]) -> tuple[str, list[Any]]:
    """The SQL (asyncpg's ``$n`` parameters) and its arguments. Its one row says whether the
    rows were written: 1, or 0 when the claim found its key held."""
    shape = (
        None if claim is None else (claim.table, tuple(claim.values), claim.key_columns),
        tuple((g.table, g.columns, len(g.values)) for g in groups),
    )
    args: list[Any] = []
    if claim is not None:
        args += [_arg(claim.table.c[name], claim.values[name]) for name in claim.values]
        args.append(claim.reclaim_before)
    for g in groups:
        for row in g.values:
            args += [_arg(g.table.c[name], row[name]) for name in g.columns]
    return _sql(shape), args


@cache
def _sql(shape: Any) -> str:
    claim_shape, group_shapes = shape
    n = 0

    def params(table: Table, columns: tuple[str, ...]) -> str:
        nonlocal n
        cells = []
        for name in columns:
            n += 1
            cells.append(f"${n}::{table.c[name].type.compile(_DIALECT)}")
        return "(" + ", ".join(cells) + ")"

    ctes = []
    if claim_shape is None:
        ctes.append("claim AS (SELECT 1)")
    else:
        table, columns, key_columns = claim_shape
        values = params(table, columns)
        n += 1
        updates = ", ".join(f"{c} = EXCLUDED.{c}" for c in columns if c not in key_columns)
        ctes.append(
            f"claim AS (INSERT INTO {_name(table)} AS held ({', '.join(columns)}) VALUES "
            f"{values} ON CONFLICT ({', '.join(key_columns)}) DO UPDATE SET {updates} "
            f"WHERE held.expires_at <= ${n}::timestamptz RETURNING 1)"
        )
    for i, (table, columns, count) in enumerate(group_shapes):
        rows = ", ".join(params(table, columns) for _ in range(count))
        ctes.append(
            f"w{i} AS (INSERT INTO {_name(table)} ({', '.join(columns)}) "
            f"SELECT v.* FROM (VALUES {rows}) AS v CROSS JOIN claim)"
        )
    return "WITH " + ",\n".join(ctes) + "\nSELECT count(*) FROM claim"


def _name(table: Table) -> str:
    return f"{table.schema}.{table.name}" if table.schema else table.name


def _arg(column: Column[Any], value: Any) -> Any:
    """A value as the asyncpg connection SQLAlchemy set up takes it: JSON as text."""
    if value is not None and isinstance(column.type, JSON):
        return orjson.dumps(value).decode()
    return value


class OneStatementSession(Session):
    """The session of a one-statement unit of work: it reads, and adds rows that its commit
    writes; anything that would write on its own is refused."""


@event.listens_for(OneStatementSession, "before_flush")
def _refuse_flush(session: Session, context: UOWTransaction, instances: object) -> None:
    if session.new or session.dirty or session.deleted:
        raise RuntimeError("a one-statement unit of work writes at commit, in one statement")


@event.listens_for(OneStatementSession, "do_orm_execute")
def _refuse_writes(state: ORMExecuteState) -> None:
    if state.is_insert or state.is_update or state.is_delete:
        raise RuntimeError("a one-statement unit of work writes at commit, in one statement")
