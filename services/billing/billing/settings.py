from __future__ import annotations

from typing import Any

from pydantic import Field
from pydantic_settings import SettingsConfigDict

from aftersales.review_rules import initial_rules
from aftersales.settings import ServiceSettings


class BillingSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="BILLING_", extra="ignore")

    service_name: str = "billing"
    port: int = 8003

    currency: str = "CNY"
    # Months and days are those of the network's local time.
    business_timezone: str = "Asia/Shanghai"
    # Amounts in fen (1/100 CNY).
    late_compensation_per_day: int = 5_000
    # An arrival this many minutes after the window's end owes nothing; beyond it, each started
    # day of delay is compensated.
    late_grace_minutes: int = Field(default=30, ge=0, le=24 * 60)
    # Deducted from the point per callback outcome (fen), e.g. '{"bad_attitude": 10000}'.
    outcome_deductions: dict[str, int] = Field(default_factory=lambda: {"bad_attitude": 10_000})
    # billing.contract.expiring.v1 goes out this many days before a contract's last day.
    contract_expiring_days: int = Field(default=30, ge=1, le=366)
    # A planned maintenance visit's ticket is opened this many days before the visit is due.
    maintenance_lead_days: int = Field(default=7, ge=0, le=90)
    # A report beyond these is implausible: its charge is held until finance releases it.
    max_labour_minutes: int = Field(default=720, ge=1)
    max_travel_km: int = Field(default=300, ge=1)
    complaint_deduction: int = 20_000
    penalty_deduction: int = 50_000
    sla_breach_deduction: int = 5_000
    # Share of a job's work value (labour, travel, call-out at list) the point is paid, per class.
    settlement_rate_percent: dict[str, int] = Field(
        default_factory=lambda: {"A": 30, "B": 80, "C": 80}
    )
    grade_factor_percent: dict[str, int] = Field(
        default_factory=lambda: {"A": 110, "B": 100, "C": 90, "D": 80}
    )
    # A class A charge still unpaid this long after it was issued is invoiced — at the latest in
    # the last minute of the day it was issued (the same-day invoice of the paper flow).
    auto_invoice_after_seconds: float = 2 * 3600
    # A customer's parts order: the shipping fee (fen) on its charge, and the days it may stay
    # unpaid before it is cancelled.
    parts_order_shipping_fee: int = Field(default=1_500, ge=0)
    parts_order_pay_within_days: float = Field(default=7, gt=0)
    # A delivery to the customer's door that arrives after its promised date (dispatch's
    # ``promised_by``, by distance): this much (fen) per calendar day late, credited on the
    # order's charge unless finance accepts an outside cause.
    delivery_compensation_per_day: int = Field(default=2_000, ge=0)
    # A non-cash payment a technician records and finance has not matched to the provider's
    # statement this many days after it was made is deducted from a partner point's settlement
    # until it is (and the deduction reversed in the month it is).
    reconcile_within_days: int = Field(default=7, ge=1, le=90)
    # A refund above this (fen), or with no sale price recorded, waits for finance's approval.
    refund_approval_above: int = Field(default=500_000, ge=0)
    # The claims-review rules (docs/money.md, "Claims review"), per rule: what differs from the
    # defaults, e.g. '{"repeat_visit": {"within_days": 14}, "customer_jobs": {"action":
    # "hold"}}'. Version 1 of the dated policy billing.review_rules; the limits above are its
    # implausible_labour and implausible_travel, reconcile_within_days its
    # payment_unreconciled.
    review_rules: dict[str, dict[str, Any]] = Field(default_factory=dict)
    worker_poll_seconds: float = 5.0

    @property
    def review_rules_policy(self) -> dict[str, Any]:
        return initial_rules(
            self.review_rules,
            max_labour_minutes=self.max_labour_minutes,
            max_travel_km=self.max_travel_km,
            reconcile_within_days=self.reconcile_within_days,
        )
