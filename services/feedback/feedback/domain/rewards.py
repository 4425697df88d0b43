"""The monthly reward rule per role (clause 1: meeting the standard shows in rewards as well as
penalties). A staff member earns the role's reward for a month when:

- no complaint against them was substantiated and counted in the month;
- they were not dismissed;
- they did at least ``min_jobs`` jobs, and at least ``min_satisfied_percent`` of those whose
  callback reached the customer were satisfied. A rule with ``min_jobs`` 0 asks nothing of the
  jobs (a role whose work feedback does not see: hosts, sales-service staff).

A technician's jobs are the jobs they completed; an agent's are the callbacks they made.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction


@dataclass(frozen=True)
class RewardRule:
    min_satisfied_percent: Fraction
    min_jobs: int
    amount: int  # minor units (fen)

    @classmethod
    def of(cls, values: dict[str, float]) -> RewardRule:
        return cls(
            min_satisfied_percent=Fraction(str(values["min_satisfied_percent"])),
            min_jobs=int(values["min_jobs"]),
            amount=int(values["amount"]),
        )


@dataclass(frozen=True)
class Month:
    """A staff member's month as the rule reads it."""

    jobs: int = 0
    reached: int = 0
    satisfied: int = 0
    substantiated_complaints: int = 0
    dismissed: bool = False

    @property
    def satisfied_percent(self) -> Fraction | None:
        return Fraction(100 * self.satisfied, self.reached) if self.reached else None


@dataclass(frozen=True)
class Verdict:
    rewarded: bool
    reason: str


def judge(month: Month, rule: RewardRule) -> Verdict:
    if month.dismissed:
        return Verdict(False, "dismissed")
    if month.substantiated_complaints:
        return Verdict(False, f"{month.substantiated_complaints} substantiated complaint(s)")
    if month.jobs < rule.min_jobs:
        return Verdict(False, f"{month.jobs} job(s), fewer than {rule.min_jobs}")
    rate = month.satisfied_percent
    if rule.min_jobs > 0 and (rate is None or rate < rule.min_satisfied_percent):
        shown = "no callback reached" if rate is None else f"{float(rate):.1f} % satisfied"
        return Verdict(False, f"{shown}, less than {float(rule.min_satisfied_percent):g} %")
    if rule.min_jobs == 0:
        return Verdict(True, "no substantiated complaint in the month")
    assert rate is not None
    return Verdict(
        True,
        f"{float(rate):.1f} % satisfied on {month.jobs} job(s), no substantiated complaint",
    )
