"""From a scorecard to a grade A|B|C|D, by configurable thresholds.

A grade is the best one whose every threshold the scorecard meets: at least the minimum
satisfaction, first-visit fix rate, SLA compliance and outcome score (the six callback
outcomes weighed, ``scorecards.outcome_score``), at most the maximum complaints per 100 jobs.
Defaults (see ``FeedbackSettings.grading_thresholds``):

| grade | satisfied ≥ | first-visit fix ≥ | SLA met ≥ | complaints/100 jobs ≤ | outcome score ≥ |
|---|---|---|---|---|---|
| A | 0.95 | 0.90 | 0.95 | 1 | 0.90 |
| B | 0.85 | 0.80 | 0.90 | 3 | 0.75 |
| C | 0.70 | 0.65 | 0.80 | 6 | 0.50 |
| D | anything else | | | | |

Review flags and confirmed no-visits weigh only when ``FEEDBACK_FLAG_WEIGHTS`` sets weights:
each rate times its weight is taken off the outcome score compared (``Scorecard.graded_score``);
without weights grades are as they were.

A rate without data does not count against the point. Values on the boundary meet the
threshold. A point no callback reached in the month is *ungraded*: it keeps its previous
grade, or the starting grade (``FEEDBACK_STARTING_GRADE``) if it never had one.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from feedback.domain.scorecards import Scorecard

GRADES = ("A", "B", "C")
ALL_GRADES = ("A", "B", "C", "D")
# The least outcome score of each grade when the thresholds configured do not say.
DEFAULT_MIN_OUTCOME_SCORE = {"A": "0.90", "B": "0.75", "C": "0.50"}


@dataclass(frozen=True)
class Threshold:
    min_satisfaction: Fraction
    min_first_visit_fix: Fraction
    min_sla_compliance: Fraction
    max_complaints_per_100: Fraction
    min_outcome_score: Fraction = Fraction(-1000)

    @classmethod
    def of(cls, values: dict[str, float], *, grade: str = "") -> Threshold:
        def f(key: str) -> Fraction:
            return Fraction(str(values[key]))

        score = values.get("min_outcome_score", DEFAULT_MIN_OUTCOME_SCORE.get(grade, "-1000"))
        return cls(
            f("min_satisfaction"),
            f("min_first_visit_fix"),
            f("min_sla_compliance"),
            f("max_complaints_per_100"),
            Fraction(str(score)),
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
        and _at_least(card.graded_score, t.min_outcome_score)
    )


def grade(card: Scorecard, thresholds: dict[str, Threshold]) -> str:
    for g in GRADES:
        if meets(card, thresholds[g]):
            return g
    return "D"


@dataclass(frozen=True)
class Graded:
    grade: str
    ungraded: bool


def grade_or_keep(
    card: Scorecard,
    thresholds: dict[str, Threshold],
    *,
    previous: str | None,
    starting: str,
) -> Graded:
    """The card's grade; for a card no callback reached, the grade kept (the previous one, or
    the starting grade), marked ungraded."""
    if card.ungraded:
        return Graded(previous or starting, True)
    return Graded(grade(card, thresholds), False)
