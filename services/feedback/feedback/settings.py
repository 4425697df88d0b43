from __future__ import annotations

import math
from typing import Any, Literal

from pydantic import Field, field_validator
from pydantic_settings import SettingsConfigDict

from aftersales.events import billing
from aftersales.events.base import values_of
from aftersales.settings import ServiceSettings

DEFAULT_THRESHOLDS = {
    "A": {
        "min_satisfaction": 0.95,
        "min_first_visit_fix": 0.90,
        "min_sla_compliance": 0.95,
        "max_complaints_per_100": 1,
        "min_outcome_score": 0.90,
    },
    "B": {
        "min_satisfaction": 0.85,
        "min_first_visit_fix": 0.80,
        "min_sla_compliance": 0.90,
        "max_complaints_per_100": 3,
        "min_outcome_score": 0.75,
    },
    "C": {
        "min_satisfaction": 0.70,
        "min_first_visit_fix": 0.65,
        "min_sla_compliance": 0.80,
        "max_complaints_per_100": 6,
        "min_outcome_score": 0.50,
    },
}
# How much each callback outcome weighs in the outcome score grading reads (section 4.2.3):
# a repeat failure weighs more than a first one, and attitude counts.
DEFAULT_OUTCOME_WEIGHTS = {
    "satisfied": 1.0,
    "unsatisfied": 0.0,
    "not_fixed_first_visit": -0.5,
    "complaint": -1.0,
    "not_fixed_repeat": -1.5,
    "bad_attitude": -2.0,
}
# The monthly reward per role (clause 1), amounts in fen. Hosts and sales-service staff have
# none until an operator sets one ({"min_jobs": 0, ...}: no substantiated complaint suffices).
DEFAULT_REWARD_RULES: dict[str, dict[str, float]] = {
    "technician": {"min_satisfied_percent": 95, "min_jobs": 10, "amount": 20000},
    "agent": {"min_satisfied_percent": 90, "min_jobs": 40, "amount": 10000},
}
REWARD_KEYS = frozenset({"min_satisfied_percent", "min_jobs", "amount"})
STAFF_ROLES = frozenset({"technician", "agent", "host", "sales_service"})
# What FEEDBACK_FLAG_WEIGHTS may weigh: billing's review rules, and ``no_visit`` (the confirmed
# no-visits of the scorecard; a rule of billing's too).
FLAG_WEIGHT_KEYS = values_of(billing.ReviewRule) | {"no_visit"}


class FeedbackSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="FEEDBACK_", extra="ignore")

    service_name: str = "feedback"
    port: int = 8004

    business_timezone: str = "Asia/Shanghai"
    callback_within_hours: float = 48
    callback_max_attempts: int = 3
    complaint_reply_within_hours: float = 24
    complaint_resolve_within_days: float = 30
    # Unset: strikes count for life (clause 15 sets no limit); a number of days makes the
    # window rolling. The value in force is written to the audit trail at startup.
    strike_window_days: int | None = Field(default=None, ge=1)
    grading_thresholds: dict[str, dict[str, float]] = Field(
        default_factory=lambda: {k: dict(v) for k, v in DEFAULT_THRESHOLDS.items()}
    )
    outcome_weights: dict[str, float] = Field(default_factory=lambda: dict(DEFAULT_OUTCOME_WEIGHTS))
    starting_grade: Literal["A", "B", "C", "D"] = "B"
    reward_rules: dict[str, dict[str, float]] = Field(
        default_factory=lambda: {k: dict(v) for k, v in DEFAULT_REWARD_RULES.items()}
    )
    watch_poll_seconds: float = 30.0
    # Clause 7: what a substantiated complaint about a reception fines its host (fen; 0: none).
    reception_penalty: int = Field(default=50_000, ge=0)
    # The share of each point's completed jobs drawn for the audit sample (their callback must
    # ask whether someone came); the first job of a point in a month is drawn whatever it is.
    audit_share: float = Field(default=0.02, ge=0, le=1, allow_inf_nan=False)
    # Per review rule (and ``no_visit``): taken off the outcome score graded per unit of the
    # point's flag rate. Empty: flags are shown and grades do not change.
    flag_weights: dict[str, float] = Field(default_factory=dict)

    @field_validator("flag_weights", mode="before")
    @classmethod
    def _weights_are_numbers(cls, weights: Any) -> Any:
        if not isinstance(weights, dict):
            raise ValueError(
                "FEEDBACK_FLAG_WEIGHTS is an object of review rule to weight, "
                'e.g. {"repeat_visit": 0.5, "no_visit": 2}'
            )
        for rule, weight in weights.items():
            number = isinstance(weight, int | float) and not isinstance(weight, bool)
            if not number or not math.isfinite(weight) or weight < 0:
                raise ValueError(
                    f"FEEDBACK_FLAG_WEIGHTS: the weight of {rule!r} must be a number of 0 or "
                    f"more, not {weight!r}"
                )
        unknown = set(weights) - FLAG_WEIGHT_KEYS
        if unknown:
            raise ValueError(
                f"FEEDBACK_FLAG_WEIGHTS: not review rules: {sorted(unknown)} "
                f"(known: {sorted(FLAG_WEIGHT_KEYS)})"
            )
        return weights

    @field_validator("outcome_weights")
    @classmethod
    def _six_outcomes(cls, weights: dict[str, float]) -> dict[str, float]:
        unknown = set(weights) - set(DEFAULT_OUTCOME_WEIGHTS)
        if unknown:
            raise ValueError(f"not callback outcomes: {sorted(unknown)}")
        return {**DEFAULT_OUTCOME_WEIGHTS, **weights}

    @field_validator("reward_rules")
    @classmethod
    def _rules_per_role(cls, rules: dict[str, dict[str, float]]) -> dict[str, dict[str, float]]:
        for role, rule in rules.items():
            if role not in STAFF_ROLES:
                raise ValueError(f"{role!r} is not a staff role ({sorted(STAFF_ROLES)})")
            if set(rule) != REWARD_KEYS:
                raise ValueError(f"the {role} rule needs exactly {sorted(REWARD_KEYS)}")
            if rule["amount"] < 0 or rule["min_jobs"] < 0:
                raise ValueError(f"the {role} rule's amount and min_jobs are not negative")
        return rules
