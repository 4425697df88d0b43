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
- ``attitude_complaints``: callbacks with the outcome ``bad_attitude``.
- ``sla_compliance``: jobs without an SLA breach / jobs; ``late_arrivals``: jobs whose arrival
  was late against the appointment.

A rate with nothing to divide by is ``None`` (no data), never 0.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from fractions import Fraction
from typing import Any


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


def _rate(part: int, whole: int) -> Fraction | None:
    return Fraction(part, whole) if whole else None


@dataclass(frozen=True)
class Scorecard:
    counts: Counts

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
        }

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self.counts), **self.rates()}
