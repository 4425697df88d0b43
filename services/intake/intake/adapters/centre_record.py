"""The counts of the information centre's own record (:mod:`intake.domain.centre`), read from
the tickets opened in a month."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from intake.adapters.tables import TicketRow
from intake.domain.centre import NOT_PHONE_SOLVABLE, CentreCounts
from intake.domain.clocks import ENDED

T = TicketRow


def _answer_due(now: datetime) -> Any:
    """Answered, reported late, or running unanswered past ``respond_by``."""
    return or_(
        T.responded_at.is_not(None),
        T.response_breached_at.is_not(None),
        (T.paused_at.is_(None)) & T.status.not_in(sorted(ENDED)) & (T.respond_by < now),
    )


def _phone_solvable() -> Any:
    return T.kind.not_in(sorted(NOT_PHONE_SOLVABLE))


def _solved_on_phone() -> Any:
    """Ended (or ending, once called back) without a visit: not reopened by its callback."""
    return _phone_solvable() & or_(
        T.closure_reason == "resolved_remotely",
        (T.status == "resolved_remotely") & T.closure_reason.is_(None),
    )


async def centre_counts(
    session: AsyncSession, start: datetime, end: datetime, now: datetime
) -> CentreCounts:
    """The tickets opened from ``start`` to before ``end``, as of ``now``."""
    opened = (T.created_at >= start) & (T.created_at < end)

    def count(condition: Any = None) -> Any:
        return func.count() if condition is None else func.count().filter(condition)

    totals = (
        await session.execute(
            select(
                count(),
                count(_answer_due(now)),
                count(T.responded_at.is_not(None)),
                count(T.responded_at <= T.respond_by),
                count(_phone_solvable()),
                count(_solved_on_phone()),
            ).where(opened)
        )
    ).one()
    by: dict[str, dict[str, int]] = {}
    for name, column in (("kind", T.kind), ("channel", T.channel)):
        rows = await session.execute(
            select(column, func.count()).where(opened).group_by(column).order_by(column)
        )
        by[name] = {str(key): int(n) for key, n in rows}
    return CentreCounts(
        tickets=int(totals[0]),
        answers_due=int(totals[1]),
        answered=int(totals[2]),
        answered_in_time=int(totals[3]),
        phone_solvable=int(totals[4]),
        solved_on_phone=int(totals[5]),
        by_kind=by["kind"],
        by_channel=by["channel"],
    )
