"""Scorecards: how a network point (or a technician) served its customers in a month.

- ``jobs``: jobs completed in the month; ``callbacks_reached``: their callbacks that reached
  the customer.
- ``satisfaction_rate``: satisfied / reached.
- ``first_visit_fix_rate``: among reached callbacks of first visits, those whose outcome is
  not "not fixed".
- ``repeat_visit_rate``: jobs that were a second or later visit / jobs.
- ``complaints_per_100_jobs``: substantiated complaints against the point counted in the month
  per 100 jobs. A complaint counts once it is substantiated, in the month it was opened, or
  (substantiated after that month was graded) in the next month not yet graded; one only
  opened, or found unsubstantiated, counts nowhere.
- ``attitude_complaints``: callbacks with the outcome ``bad_attitude``; ``outcomes``: the
  reached callbacks by each of the six outcomes (section 4.2.3).
- ``outcome_score``: the reached callbacks weighed by their outcome
  (``FEEDBACK_OUTCOME_WEIGHTS``: satisfied 1, unsatisfied 0, not fixed on the first visit
  -0.5, complaint -1, not fixed again -1.5, bad attitude -2), divided by their number: what
  grading reads besides the plain rates.
- ``ungraded``: no callback reached the customer in the month; the point keeps its grade.
- ``sla_compliance``: jobs without an SLA breach / jobs; ``late_arrivals``: jobs whose arrival
  was late against the appointment.

A rate with nothing to divide by is ``None`` (no data), never 0.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from fractions import Fraction
from typing import Any

OUTCOMES = (
    "satisfied",
    "unsatisfied",
    "complaint",
    "not_fixed_first_visit",
    "not_fixed_repeat",
    "bad_attitude",
)
# Each outcome's count, as ``Counts`` names it.
OUTCOME_FIELDS = {
    "satisfied": "satisfied",
    "unsatisfied": "unsatisfied",
    "complaint": "complaint_outcomes",
    "not_fixed_first_visit": "not_fixed_first_visit",
    "not_fixed_repeat": "not_fixed_repeat",
    "bad_attitude": "attitude_complaints",
}


@dataclass(frozen=True)
class Counts:
    jobs: int = 0
    repeat_jobs: int = 0
    callbacks_reached: int = 0
    satisfied: int = 0
    first_visit_reached: int = 0
    first_visit_fixed: int = 0
    attitude_complaints: int = 0
    complaints: int = 0
    breached_jobs: int = 0
    sla_breaches: int = 0
    late_arrivals: int = 0
    unreachable: int = 0
    unsatisfied: int = 0
    complaint_outcomes: int = 0
    not_fixed_first_visit: int = 0
    not_fixed_repeat: int = 0

    @property
    def outcomes(self) -> dict[str, int]:
        return {o: getattr(self, f) for o, f in OUTCOME_FIELDS.items()}


def outcome_score(outcomes: Mapping[str, int], weights: Mapping[str, Fraction]) -> Fraction | None:
    """The weighted mean of the reached callbacks' outcomes (None: none reached)."""
    reached = sum(outcomes.values())
    if not reached:
        return None
    return (
        sum((weights.get(o, Fraction(0)) * n for o, n in outcomes.items()), Fraction(0)) / reached
    )


def _rate(part: int, whole: int) -> Fraction | None:
    return Fraction(part, whole) if whole else None


@dataclass(frozen=True)
class Scorecard:
    counts: Counts
    weights: Mapping[str, Fraction] = field(default_factory=dict)

    @property
    def ungraded(self) -> bool:
        """No callback reached the customer: nothing said how the point served."""
        return self.counts.callbacks_reached == 0

    @property
    def outcome_score(self) -> Fraction | None:
        """None when nothing was reached, or no weights were given (nothing weighed)."""
        return outcome_score(self.counts.outcomes, self.weights) if self.weights else None

    @property
    def satisfaction_rate(self) -> Fraction | None:
        return _rate(self.counts.satisfied, self.counts.callbacks_reached)

    @property
    def first_visit_fix_rate(self) -> Fraction | None:
        return _rate(self.counts.first_visit_fixed, self.counts.first_visit_reached)

    @property
    def repeat_visit_rate(self) -> Fraction | None:
        return _rate(self.counts.repeat_jobs, self.counts.jobs)

    @property
    def complaints_per_100_jobs(self) -> Fraction | None:
        return _rate(100 * self.counts.complaints, self.counts.jobs)

    @property
    def sla_compliance(self) -> Fraction | None:
        return _rate(self.counts.jobs - self.counts.breached_jobs, self.counts.jobs)

    def rates(self) -> dict[str, float | None]:
        def r(value: Fraction | None) -> float | None:
            return None if value is None else round(float(value), 4)

        return {
            "satisfaction_rate": r(self.satisfaction_rate),
            "first_visit_fix_rate": r(self.first_visit_fix_rate),
            "repeat_visit_rate": r(self.repeat_visit_rate),
            "complaints_per_100_jobs": r(self.complaints_per_100_jobs),
            "sla_compliance": r(self.sla_compliance),
            "outcome_score": r(self.outcome_score),
        }

    def as_dict(self) -> dict[str, Any]:
        return {
            **asdict(self.counts),
            "outcomes": self.counts.outcomes,
            **self.rates(),
            "ungraded": self.ungraded,
        }
