"""The point's record: billing's review flags (``billing.review.flagged.v1``), counted on the
point's scorecard per rule in the month they were raised."""

from __future__ import annotations

from aftersales.events import Envelope, billing
from aftersales.unit_of_work import UnitOfWork
from feedback.adapters.repositories.flags import ReviewFlagRepository
from feedback.use_cases.policy import FeedbackPolicy, month_of


async def on_review_flagged(
    uow: UnitOfWork, event: Envelope[billing.ReviewFlagged], *, policy: FeedbackPolicy
) -> None:
    """Once per review (a copy, or the same review delivered again, counts once), in the month
    of ``flagged_at`` at the network's time; a flag about no point (money no point holds) is
    not the point's record and is not kept. A rule feedback does not know is counted by its
    name, as billing gives it."""
    d = event.data
    if d.point_id is None:
        return
    await ReviewFlagRepository(uow.session).record(
        {
            "review_id": d.review_id,
            "point_id": d.point_id,
            "rule": str(d.rule),
            "action": str(d.action),
            "subject": str(d.subject),
            "job_id": d.job_id,
            "flagged_at": d.flagged_at,
            "month": month_of(d.flagged_at, policy),
            "recorded_at": uow.now(),
        }
    )
