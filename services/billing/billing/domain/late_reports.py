"""A job reported late: priced twice, by the times the reports carry and by the times they
reached dispatch. When the money differs — the class, what the customer pays and the company
bears, the work the point is paid for, the late-arrival compensation (the customer's credit and
the point's deduction), the price list in force, the settlement month, the rework rule — the
charge is held with both figures until finance releases it on one of them.

Lateness that changes no money (an arrival later by minutes within the grace, or within the
same started day of delay) holds nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from billing.domain.money import yuan

Basis = Literal["reported", "received"]
BASES: tuple[Basis, ...] = ("reported", "received")


@dataclass(frozen=True)
class Figures:
    """What the money of one basis comes to: its lines as (kind, quantity, list, customer,
    company amounts)."""

    service_class: str
    month: str
    price_list_version: int | None
    unpaid_reason: str | None
    customer_total: int
    company_cost: int
    work_value: int
    compensation: int
    lines: tuple[tuple[str, int, int, int, int], ...]


def differences(reported: Figures, received: Figures) -> list[str]:
    """What the received times change in the money, in words (empty: nothing)."""
    out: list[str] = []
    if reported.service_class != received.service_class:
        out.append(f"class {reported.service_class} -> {received.service_class}")
    if reported.customer_total != received.customer_total:
        out.append(
            f"the customer pays {yuan(reported.customer_total)} -> {yuan(received.customer_total)}"
        )
    if reported.company_cost != received.company_cost:
        out.append(
            f"the company bears {yuan(reported.company_cost)} -> {yuan(received.company_cost)}"
        )
    if reported.compensation != received.compensation:
        out.append(
            f"late-arrival compensation (deducted from the point) {yuan(reported.compensation)}"
            f" -> {yuan(received.compensation)}"
        )
    if (reported.unpaid_reason is None) != (received.unpaid_reason is None):
        out.append(
            "the point's work is "
            + (
                "paid -> not paid (a rework)"
                if reported.unpaid_reason is None
                else "not paid -> paid"
            )
        )
    elif reported.work_value != received.work_value:
        out.append(f"work value {yuan(reported.work_value)} -> {yuan(received.work_value)}")
    if reported.price_list_version != received.price_list_version:
        out.append(f"price list v{reported.price_list_version} -> v{received.price_list_version}")
    if reported.month != received.month:
        out.append(f"settlement month {reported.month} -> {received.month}")
    if not out and reported.lines != received.lines:
        out.append("the charge's lines")
    return out


def pending(late_report: dict[str, Any] | None) -> bool:
    """Held for a late report, and no basis chosen yet."""
    return bool(late_report and late_report.get("held") and late_report.get("basis") is None)


def hold_reason(late_by_minutes: int, changes: list[str]) -> str:
    return (
        f"it reached dispatch {late_by_minutes} min after its time; by the times "
        f"received {'; '.join(changes)}. Release it on the basis 'reported' or 'received'."
    )
