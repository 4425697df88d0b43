"""A charge's lines: what the customer pays and what the company bears, per class.

- class A: the customer pays every line at list price; the company bears nothing.
- class B: lines the contract covers (labour, parts, travel — the call-out fee goes with
  labour) cost the customer nothing and the company bears them (parts at cost); the others the
  customer pays.
- class C: the customer pays nothing for what the warranty or the campaign covers (a warranty
  covers everything); the company bears those lines (parts at cost).
- a late arrival beyond the grace credits the customer ``per_day`` for each started day of delay
  past the agreed window's end; the company bears it and it is deducted from the point's
  settlement, unless finance accepts the point's cause (the customer, force majeure).

A line that could not be priced (a part or category missing from the price list) is kept at
zero and the charge says so in ``review``, for an agent to correct with a credit note or a
follow-up charge.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from billing.domain.classification import Classification
from billing.domain.money import yuan
from billing.domain.pricing import PricedItem

SETTLED_BY_POINT = frozenset({"labour", "travel", "callout"})


@dataclass(frozen=True)
class Line:
    kind: str
    description: str
    list_amount: int
    customer_amount: int
    company_amount: int
    sku: str | None = None
    quantity: int = 1
    unit_price: int | None = None


@dataclass(frozen=True)
class Totals:
    customer_total: int
    company_cost: int
    work_value: int  # labour, travel and call-out at list: the basis of the point's settlement
    compensation: int


# What part of the cover each priced item falls under (the call-out fee goes with labour).
COVERED_BY = {"labour": "labour", "callout": "labour", "part": "parts", "travel": "travel"}


def _covered(item: PricedItem, c: Classification) -> bool:
    return COVERED_BY.get(item.kind) in c.covered


def lines_for(items: list[PricedItem], c: Classification) -> list[Line]:
    out = []
    for item in items:
        free = _covered(item, c)
        out.append(
            Line(
                kind=item.kind,
                description=item.description,
                list_amount=item.list_amount,
                customer_amount=0 if free else item.list_amount,
                company_amount=item.cost_amount if free else 0,
                sku=item.sku,
                quantity=item.quantity,
                unit_price=item.unit_price,
            )
        )
    return out


def late_days(minutes_late: int, grace_minutes: int = 0) -> int:
    """Started days of delay past the window's end; nothing within the grace."""
    if minutes_late <= max(grace_minutes, 0):
        return 0
    return math.ceil(minutes_late / (24 * 60))


def compensation_line(minutes_late: int, per_day: int, grace_minutes: int = 0) -> Line | None:
    days = late_days(minutes_late, grace_minutes)
    if days == 0 or per_day <= 0:
        return None
    amount = days * per_day
    return Line(
        kind="compensation",
        description=(
            f"late arrival: {minutes_late} min late, {days} started day(s) x {yuan(per_day)}"
        ),
        list_amount=-amount,
        customer_amount=-amount,
        company_amount=amount,
        quantity=days,
        unit_price=-per_day,
    )


def totals(lines: list[Line]) -> Totals:
    return Totals(
        customer_total=sum(line.customer_amount for line in lines),
        company_cost=sum(line.company_amount for line in lines),
        work_value=sum(line.list_amount for line in lines if line.kind in SETTLED_BY_POINT),
        compensation=sum(line.company_amount for line in lines if line.kind == "compensation"),
    )


def status_for(customer_total: int, credited: int = 0, paid: int = 0) -> str:
    """``open`` (something to pay), ``paid``, ``nothing_due`` (free, or credited in full before
    any payment) or ``credit_due`` (the company owes the customer: compensation above the
    total, or a credit note after payment)."""
    due = customer_total - credited
    if paid > due or due < 0:
        return "credit_due"
    if due == 0:
        return "paid" if paid else "nothing_due"
    return "paid" if paid == due else "open"


def balance(customer_total: int, credited: int, paid: int) -> int:
    return customer_total - credited - paid


def review_notes(items: list[PricedItem]) -> list[str]:
    return [i.description for i in items if not i.priced]
