"""From a scorecard to a grade A|B|C|D, by configurable thresholds.

A grade is the best one whose every threshold the scorecard meets: at least the minimum
satisfaction, first-visit fix rate and SLA compliance, at most the maximum complaints per 100
jobs. Defaults (see ``FeedbackSettings.grading_thresholds``):

| grade | satisfaction ≥ | first-visit fix ≥ | SLA compliance ≥ | complaints / 100 jobs ≤ |
|---|---|---|---|---|
| A | 0.95 | 0.90 | 0.95 | 1 |
| B | 0.85 | 0.80 | 0.90 | 3 |
| C | 0.70 | 0.65 | 0.80 | 6 |
| D | anything else | | | |

A rate without data (no callback reached yet, say) does not count against the point. Values
on the boundary meet the threshold.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from feedback.domain.scorecards import Scorecard

GRADES = ("A", "B", "C")


@dataclass(frozen=True)
class Threshold:
    min_satisfaction: Fraction
    min_first_visit_fix: Fraction
    min_sla_compliance: Fraction
    max_complaints_per_100: Fraction

    @classmethod
    def of(cls, values: dict[str, float]) -> Threshold:
        def f(key: str) -> Fraction:
            return Fraction(str(values[key]))

        return cls(
            f("min_satisfaction"),
            f("min_first_visit_fix"),
            f("min_sla_compliance"),
            f("max_complaints_per_100"),
        )


def _at_least(value: Fraction | None, floor: Fraction) -> bool:
    return value is None or value >= floor


def _at_most(value: Fraction | None, ceiling: Fraction) -> bool:
    return value is None or value <= ceiling


def meets(card: Scorecard, t: Threshold) -> bool:
    return (
        _at_least(card.satisfaction_rate, t.min_satisfaction)
        and _at_least(card.first_visit_fix_rate, t.min_first_visit_fix)
        and _at_least(card.sla_compliance, t.min_sla_compliance)
        and _at_most(card.complaints_per_100_jobs, t.max_complaints_per_100)
    )


def grade(card: Scorecard, thresholds: dict[str, Threshold]) -> str:
    for g in GRADES:
        if meets(card, thresholds[g]):
            return g
    return "D"
