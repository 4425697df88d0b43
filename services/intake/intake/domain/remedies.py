"""三包 — repair, replacement, refund under warranty (docs/domain.md), as a configurable policy.

The national rule for household appliances, by default: a performance fault within 7 days of
purchase — the customer chooses refund, replacement or repair; within 15 days — replacement or
repair; within the warranty period — repair, and replacement once two repairs of the same fault
have failed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from aftersales.errors import Unprocessable

Remedy = Literal["repair", "replace", "refund"]


@dataclass(frozen=True)
class WarrantyPolicy:
    refund_within_days: int = 7
    replace_within_days: int = 15
    failed_repairs_for_replacement: int = 2
    replacement_warranty_months: int | None = None  # None: the original product's term, anew


@dataclass(frozen=True)
class Facts:
    days_since_purchase: int
    in_warranty: bool
    failed_repairs: int


def why_not(remedy: str, facts: Facts, policy: WarrantyPolicy) -> str | None:
    """None when the policy allows ``remedy``; otherwise the reason it does not."""
    days = facts.days_since_purchase
    if remedy == "refund":
        if days <= policy.refund_within_days:
            return None
        return (
            f"a refund is only due within {policy.refund_within_days} days of purchase; "
            f"this product was bought {days} days ago"
        )
    if remedy == "replace":
        if days <= policy.replace_within_days:
            return None
        if facts.in_warranty and facts.failed_repairs >= policy.failed_repairs_for_replacement:
            return None
        return (
            f"a replacement is due within {policy.replace_within_days} days of purchase, or in "
            f"warranty after {policy.failed_repairs_for_replacement} failed repairs of the fault; "
            f"bought {days} days ago, {facts.failed_repairs} failed repairs"
            + ("" if facts.in_warranty else ", out of warranty")
        )
    if remedy == "repair":
        if facts.in_warranty:
            return None
        return "the product is out of warranty: repair is a paid service, not a warranty remedy"
    return f"unknown remedy {remedy!r}"


def decide(remedy: str, facts: Facts, policy: WarrantyPolicy) -> None:
    reason = why_not(remedy, facts, policy)
    if reason is not None:
        raise Unprocessable(f"The warranty policy does not allow '{remedy}': {reason}.")


def allowed(facts: Facts, policy: WarrantyPolicy) -> list[str]:
    return [r for r in ("refund", "replace", "repair") if why_not(r, facts, policy) is None]


def check_refund(amount: int, currency: str, price: int, price_currency: str) -> None:
    """A refund may not exceed what the product was sold for."""
    if currency != price_currency:
        raise Unprocessable(
            f"The refund is in {currency}; the product was sold in {price_currency}."
        )
    if amount > price:
        raise Unprocessable(
            f"The refund ({amount / 100:.2f} {currency}) exceeds the recorded purchase price"
            f" ({price / 100:.2f} {price_currency}).",
            purchase_price={"amount": price, "currency": price_currency},
        )
