"""The claims-review rules' settings: the type of billing's dated policy
``billing.review_rules``. In the kit because the policy catalogue validates every service's
policies (``aftersales.policies.catalogue``); billing's domain weighs jobs by them
(``billing.domain.reviews``)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

Action = Literal["hold", "mark"]
Count = Annotated[int, Field(ge=0)]
Days = Annotated[int, Field(ge=1, le=366)]

# The rules about one completed job, in the order they are weighed; then the one a callback
# raises and the scheduled checks on the money the field holds.
JOB_RULES = (
    "implausible_labour",
    "implausible_travel",
    "labour_above_norm",
    "parts_above_norm",
    "part_not_on_model",
    "repeat_visit",
    "customer_jobs",
    "late_report",
)
RULES = (*JOB_RULES, "no_visit", "cash_unremitted", "payment_unreconciled")


class _Rule(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    enabled: bool = True
    action: Action = "mark"


class _Holds(_Rule):
    action: Action = "hold"


class Limit(_Holds):
    """Beyond ``max`` a single visit is implausible."""

    max: Count


class LabourNorm(_Rule):
    """Labour above the category's ``percentile`` of the network's own jobs over the last
    ``window_days`` (once the category has ``min_jobs`` in the window)."""

    percentile: Annotated[float, Field(gt=0, le=100)] = 95
    window_days: Days = 90
    min_jobs: Count = 20


class PartsNorm(_Rule):
    """More parts on one job than the category's norm (``per_category``, else ``max_parts``)."""

    max_parts: Count = 3
    per_category: dict[str, Count] = Field(default_factory=dict)

    def norm(self, category: str) -> int:
        return self.per_category.get(category, self.max_parts)


class RepeatVisit(_Rule):
    """The same point at the same serial again within ``within_days``."""

    within_days: Days = 30


class CustomerJobs(_Rule):
    """More than ``max_per_month`` jobs for one customer in a calendar month."""

    max_per_month: Annotated[int, Field(ge=1)] = 5


class Scheduled(_Rule):
    """A finding about money the field holds, ``after_days`` old: it is marked, never held (it
    is no charge's)."""

    action: Literal["mark"] = "mark"
    after_days: Days = 7


class ReviewRules(BaseModel):
    """Every rule with its switch, its action and its thresholds (the policy's value)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    implausible_labour: Limit = Limit(max=720)
    implausible_travel: Limit = Limit(max=300)
    labour_above_norm: LabourNorm = LabourNorm()
    parts_above_norm: PartsNorm = PartsNorm()
    part_not_on_model: _Rule = _Rule()
    repeat_visit: RepeatVisit = RepeatVisit()
    customer_jobs: CustomerJobs = CustomerJobs()
    late_report: _Holds = _Holds()
    no_visit: _Holds = _Holds()
    cash_unremitted: Scheduled = Scheduled()
    payment_unreconciled: Scheduled = Scheduled()

    def rule(self, name: str) -> _Rule:
        found: _Rule = getattr(self, name)
        return found


def initial_rules(
    overrides: dict[str, dict[str, Any]],
    *,
    max_labour_minutes: int,
    max_travel_km: int,
    reconcile_within_days: int,
) -> dict[str, Any]:
    """Version 1 of the policy: the defaults, the older settings' limits, and the
    environment's overrides per rule on top."""
    base: dict[str, dict[str, Any]] = {
        "implausible_labour": {"max": max_labour_minutes},
        "implausible_travel": {"max": max_travel_km},
        "payment_unreconciled": {"after_days": reconcile_within_days},
    }
    for name, values in overrides.items():
        base[name] = {**base.get(name, {}), **values}
    return base
