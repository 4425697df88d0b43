"""The configurable rules the use cases apply, read from the service's settings."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from zoneinfo import ZoneInfo

from aftersales.db import UnitOfWork
from feedback.domain.grading import Threshold
from feedback.settings import FeedbackSettings


@dataclass(frozen=True)
class FeedbackPolicy:
    tz: ZoneInfo
    callback_within: timedelta
    callback_max_attempts: int
    reply_within: timedelta
    resolve_within: timedelta
    strike_window: timedelta
    thresholds: dict[str, Threshold]

    @classmethod
    def from_settings(cls, s: FeedbackSettings) -> FeedbackPolicy:
        return cls(
            tz=ZoneInfo(s.business_timezone),
            callback_within=timedelta(hours=s.callback_within_hours),
            callback_max_attempts=s.callback_max_attempts,
            reply_within=timedelta(hours=s.complaint_reply_within_hours),
            resolve_within=timedelta(days=s.complaint_resolve_within_days),
            strike_window=timedelta(days=s.strike_window_days),
            thresholds={g: Threshold.of(v) for g, v in s.grading_thresholds.items()},
        )


def policy_of(uow: UnitOfWork) -> FeedbackPolicy:
    settings = uow.db.settings
    if not isinstance(settings, FeedbackSettings):
        settings = FeedbackSettings()
    return FeedbackPolicy.from_settings(settings)


def month_of(moment: object, policy: FeedbackPolicy) -> str:
    local = moment.astimezone(policy.tz)  # type: ignore[attr-defined]
    return f"{local.year:04d}-{local.month:02d}"
