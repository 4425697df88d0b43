"""The configurable rules the use cases apply, made once from the service's settings
(``DEFINITION.policy``) and passed to whatever applies them: routes take it as a dependency
(``api/deps.py``), consumers have it bound into their handlers (``consumers.py``), the background
loops read it from ``app.state.policy`` (``workers.py``)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from aftersales.policies import values_at
from aftersales.review_rules import ReviewRules
from aftersales.unit_of_work import UnitOfWork
from billing.domain.months import day_end
from billing.domain.settlement import Rates
from billing.settings import BillingSettings


@dataclass(frozen=True)
class BillingPolicy:
    tz: ZoneInfo
    currency: str
    late_compensation_per_day: int
    deductions: dict[str, int]
    rates: Rates
    auto_invoice_after: timedelta
    parts_order_shipping_fee: int = 0
    parts_order_pay_within: timedelta = timedelta(days=7)
    late_grace_minutes: int = 0
    outcome_deductions: dict[str, int] = field(default_factory=dict)
    contract_expiring_days: int = 30
    maintenance_lead_days: int = 7
    reconcile_within: timedelta = timedelta(days=7)
    refund_approval_above: int = 500_000
    delivery_compensation_per_day: int = 0
    review_rules: ReviewRules = field(default_factory=ReviewRules)

    def auto_invoice_at(self, now: datetime) -> datetime:
        """When a charge issued (or released) at ``now`` is invoiced if still unpaid: after
        ``auto_invoice_after``, and the same local day at the latest."""
        return min(now + self.auto_invoice_after, day_end(now, self.tz))

    async def as_of(self, uow: UnitOfWork, at: datetime) -> BillingPolicy:
        """These rules with the dated policies in force at ``at`` (the fact's time: a job's
        completion, a delivery, a callback's record), as approved in the policy store
        (docs/policies.md)."""
        found = await values_at(
            uow,
            at,
            {
                "billing.late_grace": self.late_grace_minutes,
                "billing.late_compensation_per_day": self.late_compensation_per_day,
                "billing.delivery_compensation_per_day": self.delivery_compensation_per_day,
                "billing.outcome_deductions": self.outcome_deductions,
                "billing.review_rules": self.review_rules.model_dump(mode="json"),
            },
        )
        return replace(
            self,
            late_grace_minutes=int(found["billing.late_grace"]),
            late_compensation_per_day=int(found["billing.late_compensation_per_day"]),
            delivery_compensation_per_day=int(found["billing.delivery_compensation_per_day"]),
            outcome_deductions={k: int(v) for k, v in found["billing.outcome_deductions"].items()},
            review_rules=ReviewRules.model_validate(found["billing.review_rules"]),
        )

    @classmethod
    def from_settings(cls, s: BillingSettings) -> BillingPolicy:
        return cls(
            tz=ZoneInfo(s.business_timezone),
            currency=s.currency,
            late_compensation_per_day=s.late_compensation_per_day,
            deductions={
                "complaint": s.complaint_deduction,
                "penalty": s.penalty_deduction,
                "sla_breach": s.sla_breach_deduction,
            },
            rates=Rates(
                class_percent=dict(s.settlement_rate_percent),
                grade_factor_percent=dict(s.grade_factor_percent),
            ),
            auto_invoice_after=timedelta(seconds=s.auto_invoice_after_seconds),
            parts_order_shipping_fee=s.parts_order_shipping_fee,
            parts_order_pay_within=timedelta(days=s.parts_order_pay_within_days),
            late_grace_minutes=s.late_grace_minutes,
            outcome_deductions=dict(s.outcome_deductions),
            contract_expiring_days=s.contract_expiring_days,
            maintenance_lead_days=s.maintenance_lead_days,
            reconcile_within=timedelta(days=s.reconcile_within_days),
            refund_approval_above=s.refund_approval_above,
            delivery_compensation_per_day=s.delivery_compensation_per_day,
            review_rules=ReviewRules.model_validate(s.review_rules_policy),
        )
