"""Claims review: the rules that weigh every completed job against the network's own norms, and
what each finding says.

A rule raises a *flag* on a charge: its rule, the job's figure, the norm it was compared with
and a reason in words, so a point's manager can see why and answer it. A rule's ``action`` is
``hold`` (the charge is neither invoiced nor settled until finance clears every hold on it) or
``mark`` (it only shows in the review queue). Every rule can be switched off; a rule switched
off leaves the flags it raised in place.

The rules are one dated policy, ``billing.review_rules`` (docs/policies.md): a job is weighed
by the rules in force when it was completed.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from aftersales.review_rules import Action, ReviewRules, Scheduled


@dataclass(frozen=True)
class Finding:
    """One rule's verdict on one subject: why, with the figure and the norm it was weighed by."""

    rule: str
    action: Action
    reason: str
    figure: float | None = None
    norm: float | None = None
    details: dict[str, Any] = field(default_factory=dict)

    @property
    def holds(self) -> bool:
        return self.action == "hold"


def _finding(rules: ReviewRules, name: str, reason: str, **kw: Any) -> Finding | None:
    r = rules.rule(name)
    return Finding(name, r.action, reason, **kw) if r.enabled else None


@dataclass(frozen=True)
class JobClaim:
    """What a completed job claims, as the rules weigh it."""

    category: str
    labour_minutes: int
    travel_km: int
    parts: tuple[tuple[str, int, bool | None], ...]  # sku, quantity, on the model's list
    serial_no: str | None
    completed_at: datetime


@dataclass(frozen=True)
class History:
    """What the network's own records say around the job."""

    labour_norm: float | None = None  # the category's percentile, None below min_jobs
    norm_jobs: int = 0
    previous_visit: tuple[str, datetime] | None = None  # the same point's last job at the serial
    customer_jobs_in_month: int = 0  # this one included


def weigh_job(rules: ReviewRules, claim: JobClaim, history: History) -> list[Finding]:
    """Every job rule's finding on one completed job (the late report's is added by the
    caller, which alone knows both figures)."""
    found: list[Finding | None] = []
    lab, trav = rules.implausible_labour, rules.implausible_travel
    if claim.labour_minutes > lab.max:
        found.append(
            _finding(
                rules,
                "implausible_labour",
                f"{claim.labour_minutes} labour minutes (at most {lab.max})",
                figure=claim.labour_minutes,
                norm=lab.max,
            )
        )
    if claim.travel_km > trav.max:
        found.append(
            _finding(
                rules,
                "implausible_travel",
                f"{claim.travel_km} km of travel (at most {trav.max})",
                figure=claim.travel_km,
                norm=trav.max,
            )
        )
    if history.labour_norm is not None and claim.labour_minutes > history.labour_norm:
        p = rules.labour_above_norm.percentile
        found.append(
            _finding(
                rules,
                "labour_above_norm",
                f"{claim.labour_minutes} labour minutes, above the {p:g}th percentile of "
                f"{claim.category} jobs ({history.labour_norm:g} min over "
                f"{history.norm_jobs} jobs in {rules.labour_above_norm.window_days} days)",
                figure=claim.labour_minutes,
                norm=history.labour_norm,
                details={"jobs": history.norm_jobs, "percentile": p},
            )
        )
    quantity = sum(q for _, q, _ in claim.parts)
    norm = rules.parts_above_norm.norm(claim.category)
    if quantity > norm:
        found.append(
            _finding(
                rules,
                "parts_above_norm",
                f"{quantity} parts on one job, above the {claim.category} norm of {norm}",
                figure=quantity,
                norm=norm,
            )
        )
    off = sorted(sku for sku, _, on_model in claim.parts if on_model is False)
    if off:
        found.append(
            _finding(
                rules,
                "part_not_on_model",
                f"part(s) not on the model's list: {', '.join(off)}",
                figure=len(off),
                norm=0,
                details={"skus": off},
            )
        )
    found.append(_repeat(rules, claim, history.previous_visit))
    most = rules.customer_jobs.max_per_month
    if history.customer_jobs_in_month > most:
        found.append(
            _finding(
                rules,
                "customer_jobs",
                f"job {history.customer_jobs_in_month} for this customer this month (more than "
                f"{most})",
                figure=history.customer_jobs_in_month,
                norm=most,
            )
        )
    return [f for f in found if f is not None]


def _repeat(
    rules: ReviewRules, claim: JobClaim, previous: tuple[str, datetime] | None
) -> Finding | None:
    if previous is None or claim.serial_no is None:
        return None
    job_id, at = previous
    days = (claim.completed_at - at) / timedelta(days=1)
    within = rules.repeat_visit.within_days
    if days > within:
        return None
    return _finding(
        rules,
        "repeat_visit",
        f"the same point at serial {claim.serial_no} again after {days:.1f} days (job "
        f"{job_id}; within {within})",
        figure=round(days, 2),
        norm=within,
        details={"previous_job_id": job_id},
    )


def late_report_finding(rules: ReviewRules, reason: str, late_by: int) -> Finding | None:
    return _finding(rules, "late_report", reason, figure=late_by)


def no_visit_finding(rules: ReviewRules, callback_id: str) -> Finding | None:
    return _finding(
        rules,
        "no_visit",
        "the customer said on the callback that no one came",
        details={"callback_id": callback_id},
    )


def scheduled_finding(
    rules: ReviewRules, name: str, *, amount: int, paid_at: datetime, now: datetime, what: str
) -> Finding | None:
    days = (now - paid_at) / timedelta(days=1)
    after = scheduled(rules, name).after_days
    return _finding(
        rules,
        name,
        f"{what} {days:.1f} days after it was taken (at most {after})",
        figure=round(days, 2),
        norm=after,
        details={"amount": amount},
    )


def scheduled(rules: ReviewRules, name: str) -> Scheduled:
    found: Scheduled = getattr(rules, name)
    return found


def percentile(counts: Iterable[tuple[int, int]], q: float) -> float | None:
    """The nearest-rank ``q``th percentile of values given as (value, how many), in any order;
    None when there are none."""
    ordered = sorted((v, n) for v, n in counts if n > 0)
    total = sum(n for _, n in ordered)
    if total == 0:
        return None
    rank = max(1, math.ceil(q / 100 * total))
    seen = 0
    for value, n in ordered:
        seen += n
        if seen >= rank:
            return float(value)
    return float(ordered[-1][0])  # pragma: no cover - rank <= total


def window(day: date, days: int) -> tuple[date, date]:
    """The days a norm of ``day`` reads: the ``days`` before it (the day's own jobs count from
    the next day on)."""
    return day - timedelta(days=days), day - timedelta(days=1)


def hold_reason(findings: Sequence[Finding]) -> str | None:
    holds = [f"{f.rule.replace('_', ' ')}: {f.reason}" for f in findings if f.holds]
    return "; ".join(holds) if holds else None
