"""Claims review: every completed job weighed by the rules when it is charged, a callback where
the customer says no one came, and the scheduled checks on money the field holds.

Each finding is one flag (``reviews``), raised once (its ``finding`` is unique: a job charged
once, a payment checked on every pass) and published as ``billing.review.flagged.v1``. A flag
whose rule holds keeps its charge from invoices and settlements until finance clears it
(``review_decisions``); one that marks only shows in the queue.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, exists, select

from aftersales.calendar import month_bounds
from aftersales.database import Database
from aftersales.events import billing
from aftersales.policies import values_at
from aftersales.review_rules import ReviewRules
from aftersales.tasks import claim_due
from aftersales.unit_of_work import UnitOfWork
from billing.adapters.repositories.charges import ChargeRepository
from billing.adapters.repositories.facts import FactsRepository
from billing.adapters.repositories.months import Months
from billing.adapters.repositories.reviews import ReviewRepository
from billing.adapters.tables.charges import ChargeRow
from billing.adapters.tables.facts import CompletedJobRow, TicketFactsRow
from billing.adapters.tables.payments import PaymentRow
from billing.adapters.tables.reviews import ReviewRow
from billing.domain.months import month_of
from billing.domain.reviews import (
    Finding,
    History,
    JobClaim,
    hold_reason,
    no_visit_finding,
    percentile,
    scheduled_finding,
    weigh_job,
    window,
)
from billing.use_cases.policy import BillingPolicy

POLICY = "billing.review_rules"
NOBODY = uuid.UUID(int=0)


async def rules_at(uow: UnitOfWork, at: datetime, policy: BillingPolicy) -> ReviewRules:
    """The rules in force at ``at`` (a dated policy: a job is weighed by those of its
    completion)."""
    found = await values_at(uow, at, {POLICY: None})
    return (
        policy.review_rules if found[POLICY] is None else ReviewRules.model_validate(found[POLICY])
    )


def claim_of(job: CompletedJobRow, ticket: TicketFactsRow) -> JobClaim:
    e = job.event
    return JobClaim(
        category=ticket.category,
        labour_minutes=int(e["labor_minutes"]),
        travel_km=int(e["travel_km"]),
        parts=tuple((str(p["sku"]), int(p["qty"]), p.get("on_model")) for p in e["parts"]),
        serial_no=e.get("serial_no"),
        completed_at=job.completed_at,
    )


async def weigh(
    uow: UnitOfWork,
    job: CompletedJobRow,
    ticket: TicketFactsRow,
    rules: ReviewRules,
    policy: BillingPolicy,
) -> list[Finding]:
    """The job rules' findings on a completed job, against the network's records so far; the
    job is then counted in them (the labour summary, the visits)."""
    claim = claim_of(job, ticket)
    reviews = ReviewRepository(uow.session)
    day = job.completed_at.astimezone(policy.tz).date()
    norm, norm_jobs = await _labour_norm(reviews, claim.category, day, rules)
    start, end = month_bounds(month_of(job.completed_at, policy.tz), policy.tz)
    previous, customer_jobs, no_visit_callback = await reviews.count_and_read(
        {
            "job_id": job.job_id,
            "ticket_id": job.ticket_id,
            "point_id": job.point_id,
            "customer_id": ticket.customer_id,
            "serial_no": claim.serial_no,
            "category": claim.category,
            "completed_at": job.completed_at,
        },
        day,
        claim.labour_minutes,
        month=(start, end),
        repeat=rules.repeat_visit.enabled,
        customer=rules.customer_jobs.enabled,
        no_visit=rules.no_visit.enabled,
    )
    history = History(
        labour_norm=norm,
        norm_jobs=norm_jobs,
        previous_visit=previous,
        customer_jobs_in_month=customer_jobs,
    )
    found = weigh_job(rules, claim, history)
    if no_visit_callback is not None:
        no_visit = no_visit_finding(rules, str(no_visit_callback))
        if no_visit is not None:
            found.append(no_visit)
    return found


async def _labour_norm(
    reviews: ReviewRepository, category: str, day: Any, rules: ReviewRules
) -> tuple[float | None, int]:
    """The category's labour percentile over the window before ``day``: read from the summary
    once per category and day, kept, and reused by the day's other jobs."""
    r = rules.labour_above_norm
    if not r.enabled:
        return None, 0
    kept = await reviews.labour_norm(category, day, r.window_days, r.percentile)
    if kept is None:
        first, last = window(day, r.window_days)
        counts = await reviews.labour_counts(category, first, last)
        jobs = sum(n for _, n in counts)
        value = percentile(counts, r.percentile)
        await reviews.keep_norm(
            {
                "category": category,
                "day": day,
                "window_days": r.window_days,
                "percentile": r.percentile,
                "value": value,
                "jobs": jobs,
            }
        )
    else:
        value, jobs = kept.value, kept.jobs
    return (value if jobs >= r.min_jobs else None), jobs


async def raise_flags(
    uow: UnitOfWork, charge: ChargeRow, findings: list[Finding], *, at: datetime
) -> list[ReviewRow]:
    """Each finding on the charge as a flag, once, published."""
    if not findings:
        return []
    raised = await ReviewRepository(uow.session).raise_flags(
        [
            {
                "id": uuid.uuid4(),
                "finding": f"{f.rule}:charge:{charge.id}",
                "rule": f.rule,
                "action": f.action,
                "subject": "charge",
                "charge_id": charge.id,
                "payment_id": None,
                "job_id": charge.job_id,
                "ticket_id": charge.ticket_id,
                "point_id": charge.point_id,
                "figure": f.figure,
                "norm": f.norm,
                "reason": f.reason,
                "details": f.details,
                "status": "open",
                "flagged_at": at,
                "version": 1,
            }
            for f in findings
        ]
    )
    for row in raised:
        publish_flag(uow, row)
    return raised


def publish_flag(uow: UnitOfWork, row: ReviewRow) -> None:
    uow.publish(
        billing.ReviewFlagged(
            review_id=row.id,
            rule=row.rule,
            action=row.action,  # type: ignore[arg-type]
            subject=row.subject,  # type: ignore[arg-type]
            charge_id=row.charge_id,
            payment_id=row.payment_id,
            job_id=row.job_id,
            ticket_id=row.ticket_id,
            point_id=row.point_id,
            figure=row.figure,
            norm=row.norm,
            reason=row.reason,
            flagged_at=row.flagged_at,
        ),
        aggregate_id=row.id,
        aggregate_version=row.version,
    )


async def on_no_visit(
    uow: UnitOfWork,
    job_id: uuid.UUID,
    callback_id: uuid.UUID,
    *,
    at: datetime,
    policy: BillingPolicy,
) -> None:
    """The customer said no one came: the job's charge is flagged (and held, by default). A
    charge not issued yet is flagged when it is (the callback is kept). A charge in a closed
    month was settled already: it is flagged for an adjustment, not held."""
    facts = FactsRepository(uow.session)
    job = await facts.completed_job(job_id)
    if job is None or job.charge_id is None:
        return
    charge = await ChargeRepository(uow.session).get(job.charge_id, lock=True)
    finding = no_visit_finding(await rules_at(uow, at, policy), str(callback_id))
    if finding is None:
        return
    months = Months(uow.session)
    await months.lock_for_fact(charge.month)
    if finding.holds and await months.is_closed(charge.month):
        finding = Finding(
            finding.rule,
            "mark",
            f"{finding.reason} (its month {charge.month} is closed: settled already, to be "
            "adjusted)",
            details=finding.details,
        )
    if await raise_flags(uow, charge, [finding], at=uow.now()) and finding.holds:
        hold(charge, [finding], now=uow.now())


def hold(charge: ChargeRow, findings: list[Finding], *, now: datetime) -> None:
    """Hold an issued charge for these findings: not invoiced, not settled, until cleared."""
    why = hold_reason(findings)
    if why is None:
        return
    charge.held_reason = f"{charge.held_reason}; {why}" if charge.held_reason else why
    charge.auto_invoice_at = None
    charge.version += 1
    charge.updated_at = now


# The scheduled checks: money the field holds, once per payment.

CHECKS = {
    "cash_unremitted": "cash a partner point still holds",
    "payment_unreconciled": "a non-cash payment not reconciled",
}


def _unflagged(rule: str) -> Any:
    return ~exists().where(ReviewRow.rule == rule, ReviewRow.payment_id == PaymentRow.id)


async def check_field_money(db: Database, policy: BillingPolicy, *, limit: int = 100) -> int:
    """One pass of the scheduled checks: cash a partner point still holds ``after_days`` after
    it was taken, and non-cash payments unreconciled ``after_days`` after they were made. Each
    payment found is flagged once across replicas. Returns how many were flagged."""
    async with db.uow() as uow:
        now = uow.now()
        rules = await rules_at(uow, now, policy)
        partners = await FactsRepository(uow.session).partners()
    found = 0
    for rule, where in (
        (
            "cash_unremitted",
            and_(
                PaymentRow.method == "cash",
                PaymentRow.held_by.is_not(None),
                PaymentRow.remittance_id.is_(None),
                PaymentRow.netted_month.is_(None),
                PaymentRow.point_id.in_(partners or {NOBODY}),
            ),
        ),
        (
            "payment_unreconciled",
            and_(PaymentRow.method != "cash", PaymentRow.reconciled_at.is_(None)),
        ),
    ):
        r = getattr(rules, rule)
        if not r.enabled:
            continue
        due = now - timedelta(days=r.after_days)
        stmt = (
            select(PaymentRow)
            .where(where, PaymentRow.paid_at <= due, _unflagged(rule))
            .order_by(PaymentRow.paid_at)
        )

        async def flag(uow: UnitOfWork, payment: PaymentRow, rule: str = rule) -> None:
            await _flag_payment(uow, payment, rule, rules)

        found += await claim_due(db, stmt, flag, limit=limit, of=PaymentRow)
    return found


async def _flag_payment(
    uow: UnitOfWork, payment: PaymentRow, rule: str, rules: ReviewRules
) -> None:
    now = uow.now()
    f = scheduled_finding(
        rules, rule, amount=payment.amount, paid_at=payment.paid_at, now=now, what=CHECKS[rule]
    )
    if f is None:
        return
    charge = await uow.session.get(ChargeRow, payment.charge_id)
    raised = await ReviewRepository(uow.session).raise_flags(
        [
            {
                "id": uuid.uuid4(),
                "finding": f"{rule}:payment:{payment.id}",
                "rule": rule,
                "action": "mark",
                "subject": "cash" if rule == "cash_unremitted" else "payment",
                "charge_id": None,
                "payment_id": payment.id,
                "job_id": charge.job_id if charge else None,
                "ticket_id": charge.ticket_id if charge else None,
                "point_id": payment.point_id,
                "figure": f.figure,
                "norm": f.norm,
                "reason": f"{f.reason}: {payment.amount / 100:.2f} by {payment.method}",
                "details": {
                    **f.details,
                    "method": payment.method,
                    "charge_id": str(payment.charge_id),
                },
                "status": "open",
                "flagged_at": now,
                "version": 1,
            }
        ]
    )
    for row in raised:
        publish_flag(uow, row)
