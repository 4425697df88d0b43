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
- ``no_visits_confirmed``: reached callbacks of the month's jobs whose customer said no one came
  (``visit_confirmed: no``).
- ``flags`` (points): billing's review flags on the point in the month, per rule: ``count`` and
  ``rate`` (flags / jobs; None without jobs).
- ``flag_penalty``: what the flag rates and the confirmed no-visits take off the outcome score
  graded (``FEEDBACK_FLAG_WEIGHTS``: per rule, and ``no_visit``, a weight per unit of rate);
  None when no weight is set (off: grades are as without it). Grading compares the outcome
  score less the penalty (``graded_score``) with ``min_outcome_score``.

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
    no_visits_confirmed: int = 0

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


# The key of FEEDBACK_FLAG_WEIGHTS that weighs the confirmed no-visits (feedback's own count;
# billing's ``no_visit`` flags are the same findings, shown but not weighed a second time).
NO_VISIT = "no_visit"


def flag_penalty(
    flags: Mapping[str, int], no_visits: int, jobs: int, weights: Mapping[str, Fraction]
) -> Fraction | None:
    """Each weighed rate times its weight, summed: the flags of each rule per job, and the
    confirmed no-visits per job (``no_visit``). None when no weight is set; 0 without jobs."""
    if not weights:
        return None
    if not jobs:
        return Fraction(0)
    counts = {rule: n for rule, n in flags.items() if rule != NO_VISIT}
    counts[NO_VISIT] = no_visits
    return sum(
        (w * Fraction(counts.get(rule, 0), jobs) for rule, w in weights.items()), Fraction(0)
    )


@dataclass(frozen=True)
class Scorecard:
    counts: Counts
    weights: Mapping[str, Fraction] = field(default_factory=dict)
    # Billing's review flags per rule (None: a card without flags, a technician's).
    flags: Mapping[str, int] | None = None
    flag_weights: Mapping[str, Fraction] = field(default_factory=dict)

    @property
    def ungraded(self) -> bool:
        """No callback reached the customer: nothing said how the point served."""
        return self.counts.callbacks_reached == 0

    @property
    def outcome_score(self) -> Fraction | None:
        """None when nothing was reached, or no weights were given (nothing weighed)."""
        return outcome_score(self.counts.outcomes, self.weights) if self.weights else None

    @property
    def flag_penalty(self) -> Fraction | None:
        return flag_penalty(
            self.flags or {}, self.counts.no_visits_confirmed, self.counts.jobs, self.flag_weights
        )

    @property
    def graded_score(self) -> Fraction | None:
        """The outcome score less the flag penalty: what grading reads."""
        score, penalty = self.outcome_score, self.flag_penalty
        if score is None or penalty is None:
            return score
        return score - penalty

    def flag_rates(self) -> dict[str, dict[str, Any]] | None:
        if self.flags is None:
            return None
        jobs = self.counts.jobs
        return {
            rule: {"count": n, "rate": round(n / jobs, 4) if jobs else None}
            for rule, n in sorted(self.flags.items())
        }

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
        penalty, flags = self.flag_penalty, self.flag_rates()
        return {
            **asdict(self.counts),
            "outcomes": self.counts.outcomes,
            **self.rates(),
            "ungraded": self.ungraded,
            **({} if flags is None else {"flags": flags}),
            "flag_penalty": None if penalty is None else round(float(penalty), 4),
        }
