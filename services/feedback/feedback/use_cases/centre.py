"""The information centre's own record: callbacks done late or not at all, and complaint
replies missed. These count against the centre, never against a network point."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from aftersales.database import Database
from aftersales.events import feedback
from aftersales.tasks import claim_due
from aftersales.unit_of_work import UnitOfWork
from feedback.adapters.repositories.callbacks import CallbackRepository
from feedback.adapters.repositories.complaints import ComplaintRepository
from feedback.adapters.tables import CallbackRow


async def report_overdue_callbacks(db: Database, *, limit: int = 100) -> int:
    """Publish ``feedback.callback.overdue.v1`` once per callback not done by its due time, as
    of the service's clock. A callback reported is marked so, and never reported again, even
    if the clock goes back and forth."""
    now = db.clock.now()

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

    # The clock's time as a bound parameter, not the database's: moving the clock moves the
    # deadline.
    due = CallbackRepository.overdue(now)
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
    callbacks, done, in_time, overdue, unreachable, still_due = await CallbackRepository(
        uow.session
    ).centre_counts(month)
    complaints, replies_late, resolutions_late = await ComplaintRepository(
        uow.session
    ).centre_counts(month)
    return CentreCard(
        month=month,
        callbacks=callbacks,
        done=done,
        done_in_time=in_time,
        overdue=overdue,
        unreachable=unreachable,
        still_due=still_due,
        complaints=complaints,
        replies_late=replies_late,
        resolutions_late=resolutions_late,
    )
