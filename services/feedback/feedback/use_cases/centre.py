"""The information centre's own record: callbacks done late or not at all, and complaint
replies missed. These count against the centre, never against a network point."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import case, func, select

from aftersales.db import Database, UnitOfWork
from aftersales.events import feedback
from aftersales.tasks import claim_due
from feedback.adapters.tables import CallbackRow, ComplaintRow


async def report_overdue_callbacks(db: Database, *, limit: int = 100) -> int:
    """Publish ``feedback.callback.overdue.v1`` once per callback not done by its due time."""
    now = datetime.now(UTC)

    async def late(uow: UnitOfWork, cb: CallbackRow) -> None:
        cb.overdue_at = now
        cb.version += 1
        uow.publish(
            feedback.CallbackOverdue(
                callback_id=cb.id,
                ticket_id=cb.ticket_id,
                job_id=cb.job_id,
                point_id=cb.point_id,
                due_at=cb.due_at,
                noticed_at=now,
            ),
            aggregate_id=cb.id,
            aggregate_version=cb.version,
        )

    due = (
        select(CallbackRow)
        .where(
            CallbackRow.status == "due",
            CallbackRow.overdue_at.is_(None),
            CallbackRow.due_at < now,
        )
        .order_by(CallbackRow.due_at)
    )
    return await claim_due(db, due, late, limit=limit)


@dataclass(frozen=True)
class CentreCard:
    month: str
    callbacks: int
    done: int
    done_in_time: int
    overdue: int
    unreachable: int
    still_due: int
    complaints: int
    replies_late: int
    resolutions_late: int

    @property
    def callback_on_time_rate(self) -> float | None:
        return round(self.done_in_time / self.callbacks, 4) if self.callbacks else None

    def as_dict(self) -> dict[str, Any]:
        return {
            **self.__dict__,
            "callback_on_time_rate": self.callback_on_time_rate,
        }


async def centre_card(uow: UnitOfWork, month: str) -> CentreCard:
    """Callbacks of jobs completed in ``month``; complaints opened in ``month``."""
    settled = CallbackRow.status.in_(("done", "unreachable"))
    cb = (
        await uow.session.execute(
            select(
                func.count(),
                func.count().filter(CallbackRow.status == "done"),
                func.count().filter(settled, CallbackRow.recorded_at <= CallbackRow.due_at),
                func.count().filter(CallbackRow.overdue_at.is_not(None)),
                func.count().filter(CallbackRow.status == "unreachable"),
                func.count().filter(CallbackRow.status == "due"),
            ).where(CallbackRow.month == month)
        )
    ).one()
    cp = (
        await uow.session.execute(
            select(
                func.count(),
                func.sum(case((ComplaintRow.reply_overdue_at.is_not(None), 1), else_=0)),
                func.sum(case((ComplaintRow.resolve_overdue_at.is_not(None), 1), else_=0)),
            ).where(ComplaintRow.month == month)
        )
    ).one()
    callbacks, done, in_time, overdue, unreachable, still_due = (int(v) for v in cb)
    return CentreCard(
        month=month,
        callbacks=callbacks,
        done=done,
        done_in_time=in_time,
        overdue=overdue,
        unreachable=unreachable,
        still_due=still_due,
        complaints=int(cp[0]),
        replies_late=int(cp[1] or 0),
        resolutions_late=int(cp[2] or 0),
    )
