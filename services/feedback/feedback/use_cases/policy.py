"""The configurable rules the use cases apply, made once from the service's settings
(``DEFINITION.policy``) and passed to whatever applies them: routes take it as a dependency
(``api/deps.py``), consumers have it bound into their handlers (``consumers.py``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from fractions import Fraction
from zoneinfo import ZoneInfo

from feedback.domain.grading import Threshold
from feedback.domain.rewards import RewardRule
from feedback.settings import FeedbackSettings


@dataclass(frozen=True)
class FeedbackPolicy:
    tz: ZoneInfo
    callback_within: timedelta
    callback_max_attempts: int
    reply_within: timedelta
    resolve_within: timedelta
    strike_window: timedelta | None  # None: strikes count for life
    thresholds: dict[str, Threshold]
    outcome_weights: dict[str, Fraction]
    starting_grade: str
    reward_rules: dict[str, RewardRule]
    reception_penalty: int = 50_000  # fen: a substantiated reception complaint fines the host
    audit_share: Fraction = Fraction(1, 50)  # of each point's completed jobs, drawn for audit
    # Per review rule (and ``no_visit``), taken off the outcome score graded per unit of rate.
    flag_weights: dict[str, Fraction] = field(default_factory=dict)

    @classmethod
    def from_settings(cls, s: FeedbackSettings) -> FeedbackPolicy:
        return cls(
            tz=ZoneInfo(s.business_timezone),
            callback_within=timedelta(hours=s.callback_within_hours),
            callback_max_attempts=s.callback_max_attempts,
            reply_within=timedelta(hours=s.complaint_reply_within_hours),
            resolve_within=timedelta(days=s.complaint_resolve_within_days),
            strike_window=(
                None if s.strike_window_days is None else timedelta(days=s.strike_window_days)
            ),
            thresholds={g: Threshold.of(v, grade=g) for g, v in s.grading_thresholds.items()},
            outcome_weights={o: Fraction(str(w)) for o, w in s.outcome_weights.items()},
            starting_grade=s.starting_grade,
            reward_rules={r: RewardRule.of(v) for r, v in s.reward_rules.items()},
            reception_penalty=s.reception_penalty,
            audit_share=Fraction(str(s.audit_share)),
            flag_weights={r: Fraction(str(w)) for r, w in s.flag_weights.items()},
        )

    @property
    def strike_window_days(self) -> int | None:
        return None if self.strike_window is None else self.strike_window.days


def month_of(moment: datetime, policy: FeedbackPolicy) -> str:
    """The ``YYYY-MM`` month of ``moment`` at the network's local time."""
    local = moment.astimezone(policy.tz)
    return f"{local.year:04d}-{local.month:02d}"


def day_of(moment: datetime, policy: FeedbackPolicy) -> date:
    """The date of ``moment`` at the network's local time."""
    return moment.astimezone(policy.tz).date()


def month_bounds(month: str, policy: FeedbackPolicy) -> tuple[datetime, datetime]:
    """The first moment of ``month`` and of the next, at the network's local time."""
    year, mon = (int(p) for p in month.split("-"))
    start = datetime(year, mon, 1, tzinfo=policy.tz)
    end = datetime(year + mon // 12, mon % 12 + 1, 1, tzinfo=policy.tz)
    return start, end
