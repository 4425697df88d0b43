"""A network point's statement for a month (docs/domain.md: callback outcomes grade the points and
set what they are paid).

    gross       = Σ per class: round(work value of the class's jobs x class settlement rate)
    graded      = round(gross x grade factor)          (A 110 %, B 100 %, C 90 %, D 80 %;
                                                        ungraded: 100 %)
    deductions  = substantiated complaints + penalties (partner points only) + SLA breaches
                  + late-arrival compensation paid to the point's customers (less what
                    finance waived) + callback-outcome deductions + unreturned parts
                  + cash a partner point still owes at month end (taken from its
                    customers and not remitted to the company, whoever holds it)
                  + its technicians' card, transfer and wallet payments still unreconciled
                    ``BILLING_RECONCILE_WITHIN_DAYS`` before month end (``unreconciled``),
                    given back in the month they are reconciled (``unreconciled_reversed``)
    rewards     = its staff's rewards for meeting the month's standard (feedback's grading),
                  each a line of its own, paid in full (not graded, not a share)
    net         = graded + rewards - deductions         (may be negative: the point owes)

The work value of a job is its labour, travel and call-out at list price, whoever pays (parts
come from the company's stores and are not the point's income). A rework of the point's own
job that a callback found unfixed (or complained of) is listed with its work value and the
reason, and counts at zero. Every amount is in fen and
every rounding follows the money rule, so recomputing an open month gives the same figures.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from billing.domain.money import percent_of

CLASSES = ("A", "B", "C")


@dataclass(frozen=True)
class ClassActivity:
    jobs: int = 0
    work_value: int = 0
    customer_total: int = 0
    company_cost: int = 0


@dataclass(frozen=True)
class Deduction:
    # complaint | penalty | sla_breach | late_compensation | late_waived | outcome
    # | unreturned_part | cash_held | unreconciled | unreconciled_reversed | review_adjustment
    kind: str
    count: int
    amount: int


@dataclass(frozen=True)
class UnpaidWork:
    """A job whose work the point is not paid for, and why."""

    job_id: str
    service_class: str
    work_value: int
    reason: str


@dataclass(frozen=True)
class Reward:
    """A staff member's reward the point pays on: a line of the statement."""

    reward_id: str
    staff_id: str
    technician_id: str | None
    month: str
    amount: int
    reason: str


@dataclass(frozen=True)
class Rates:
    class_percent: dict[str, int]
    grade_factor_percent: dict[str, int]


@dataclass(frozen=True)
class Statement:
    by_class: dict[str, ClassActivity]
    owed_by_class: dict[str, int]
    gross: int
    grade: str | None
    grade_factor_percent: int
    graded: int
    deductions: list[Deduction] = field(default_factory=list)
    unpaid: list[UnpaidWork] = field(default_factory=list)
    rewards: list[Reward] = field(default_factory=list)

    @property
    def jobs(self) -> int:
        return sum(a.jobs for a in self.by_class.values())

    @property
    def deducted(self) -> int:
        return sum(d.amount for d in self.deductions)

    @property
    def rewarded(self) -> int:
        return sum(r.amount for r in self.rewards)

    @property
    def net(self) -> int:
        return self.graded + self.rewarded - self.deducted


def compute(
    by_class: dict[str, ClassActivity],
    *,
    grade: str | None,
    deductions: list[Deduction],
    rates: Rates,
    unpaid: list[UnpaidWork] | None = None,
    rewards: list[Reward] | None = None,
) -> Statement:
    """``by_class`` counts what is paid: unpaid work is listed in ``unpaid`` only. A grade is
    the month's, or the one an ungraded point keeps (feedback sends it either way)."""
    activity = {c: by_class.get(c, ClassActivity()) for c in CLASSES}
    owed = {c: percent_of(activity[c].work_value, rates.class_percent.get(c, 0)) for c in CLASSES}
    gross = sum(owed.values())
    factor = rates.grade_factor_percent.get(grade, 100) if grade else 100
    return Statement(
        by_class=activity,
        owed_by_class=owed,
        gross=gross,
        grade=grade,
        grade_factor_percent=factor,
        graded=percent_of(gross, factor),
        deductions=[d for d in deductions if d.count or d.amount],
        unpaid=list(unpaid or []),
        rewards=list(rewards or []),
    )
