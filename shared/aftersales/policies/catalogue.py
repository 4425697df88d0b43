"""Every service's policies: the name (``<service>.<key>``), the type a version's value must
have, and the setting whose value is version 1 at the first start (docs/policies.md).

A service with no entry yet (intake, dispatch) still has the store and the routes; a new policy
is one entry here and a read of ``values_at`` where the decision is taken."""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, Field

from aftersales.policies.domain import PolicySpec
from aftersales.review_rules import ReviewRules

Fen = Annotated[int, Field(ge=0)]
OUTCOMES = frozenset(
    {
        "satisfied",
        "unsatisfied",
        "not_fixed_first_visit",
        "complaint",
        "not_fixed_repeat",
        "bad_attitude",
    }
)
REQUIRED_THRESHOLDS = frozenset(
    {"min_satisfaction", "min_first_visit_fix", "min_sla_compliance", "max_complaints_per_100"}
)
THRESHOLDS = REQUIRED_THRESHOLDS | {"min_outcome_score"}


def _outcomes(weights: dict[str, float]) -> dict[str, float]:
    unknown = set(weights) - OUTCOMES
    if unknown:
        raise ValueError(f"not callback outcomes: {sorted(unknown)}")
    return weights


def _grades(thresholds: dict[str, dict[str, float]]) -> dict[str, dict[str, float]]:
    if set(thresholds) != {"A", "B", "C"}:
        raise ValueError("needs the grades A, B and C (below C is D), and no other")
    for grade, values in thresholds.items():
        if not REQUIRED_THRESHOLDS <= set(values) <= THRESHOLDS:
            raise ValueError(
                f"grade {grade} needs {sorted(REQUIRED_THRESHOLDS)} (and may have"
                " min_outcome_score), and no other"
            )
    return thresholds


CATALOGUE: tuple[PolicySpec, ...] = (
    PolicySpec(
        name="billing.late_grace",
        type=Annotated[int, Field(ge=0, le=24 * 60)],
        type_name="an integer of minutes, 0 to 1440",
        setting="late_grace_minutes",
        description="An arrival this many minutes after the window's end owes nothing.",
    ),
    PolicySpec(
        name="billing.late_compensation_per_day",
        type=Fen,
        type_name="an integer amount in fen, 0 or more",
        setting="late_compensation_per_day",
        description="Compensation per started day of a late arrival beyond the grace.",
    ),
    PolicySpec(
        name="billing.delivery_compensation_per_day",
        type=Fen,
        type_name="an integer amount in fen, 0 or more",
        setting="delivery_compensation_per_day",
        description="Compensation per calendar day a parts delivery is after its promised date.",
    ),
    PolicySpec(
        name="billing.outcome_deductions",
        type=Annotated[dict[str, Fen], AfterValidator(_outcomes)],
        type_name="an object of callback outcome to an integer amount in fen",
        setting="outcome_deductions",
        description="Deducted from the point for a callback outcome, as of the callback's record.",
    ),
    PolicySpec(
        name="billing.review_rules",
        type=ReviewRules,
        type_name=(
            "an object of review rule to its settings (enabled, action hold or mark, and its"
            " thresholds: numbers, 0 or more)"
        ),
        setting="review_rules_policy",
        description="The claims-review rules: on or off, hold or mark, and their thresholds.",
    ),
    PolicySpec(
        name="feedback.grading_weights",
        type=Annotated[dict[str, float], AfterValidator(_outcomes)],
        type_name="an object of callback outcome to number",
        setting="outcome_weights",
        description="How much each callback outcome weighs in the outcome score graded.",
    ),
    PolicySpec(
        name="feedback.flag_weights",
        type=dict[str, Annotated[float, Field(ge=0, allow_inf_nan=False)]],
        type_name="an object of review rule (or no_visit) to a number, 0 or more",
        setting="flag_weights",
        description="Taken off a point's graded outcome score per unit of each flag rate.",
    ),
    PolicySpec(
        name="feedback.grading_thresholds",
        type=Annotated[dict[str, dict[str, float]], AfterValidator(_grades)],
        type_name="an object of grade to an object of threshold to number",
        setting="grading_thresholds",
        description="The minimum (or maximum) figures of each grade, A to C; below C is D.",
    ),
)


def policies_of(service: str) -> dict[str, PolicySpec]:
    return {p.name: p for p in CATALOGUE if p.service == service}


def spec(name: str) -> PolicySpec | None:
    return next((p for p in CATALOGUE if p.name == name), None)
