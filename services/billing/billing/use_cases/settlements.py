"""Point settlements: computed from billing's own facts while a month is open, frozen when an
agent closes it (see ``billing.domain.settlement`` for the arithmetic)."""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from aftersales.errors import Conflict, Unprocessable
from aftersales.events import Money, billing
from aftersales.unit_of_work import UnitOfWork
from billing.adapters.repositories.cash import CashRepository
from billing.adapters.repositories.charges import ChargeRepository
from billing.adapters.repositories.facts import FactsRepository
from billing.adapters.repositories.months import Months
from billing.adapters.repositories.payments import PaymentRepository
from billing.adapters.repositories.reviews import ReviewRepository
from billing.adapters.repositories.settlements import SettlementRepository
from billing.adapters.tables.charges import ChargeRow
from billing.adapters.tables.reviews import ReviewRow
from billing.adapters.tables.settlements import ClosedMonthRow, SettlementRow
from billing.domain.months import month_end, parse_month
from billing.domain.settlement import (
    ClassActivity,
    Deduction,
    Reward,
    Statement,
    UnpaidWork,
    compute,
)
from billing.use_cases.policy import BillingPolicy

DEDUCTION_KINDS = (
    "complaint",
    "penalty",
    "sla_breach",
    "late_compensation",
    "late_waived",
    "outcome",
    "unreturned_part",
    "cash_held",
    "unreconciled",
    "unreconciled_reversed",
    "review_adjustment",
)


@dataclass(frozen=True)
class PointStatement:
    point_id: uuid.UUID
    month: str
    statement: Statement
    closed_at: datetime | None = None
    settlement_id: uuid.UUID | None = None
    # The month's charges held for review: left out until cleared, each with its reasons.
    held: tuple[dict[str, Any], ...] = ()


def as_document(s: PointStatement, currency: str) -> dict[str, Any]:
    """The statement as stored when closed and as answered by the API."""
    st = s.statement

    def money(amount: int) -> dict[str, Any]:
        return {"amount": amount, "currency": currency}

    return {
        "point_id": str(s.point_id),
        "month": s.month,
        "status": "closed" if s.closed_at else "open",
        "jobs": st.jobs,
        "by_class": {
            c: {
                "jobs": a.jobs,
                "work_value": money(a.work_value),
                "customer_total": money(a.customer_total),
                "company_cost": money(a.company_cost),
                "owed": money(st.owed_by_class[c]),
            }
            for c, a in st.by_class.items()
        },
        "gross": money(st.gross),
        "grade": st.grade,
        "grade_factor_percent": st.grade_factor_percent,
        "graded": money(st.graded),
        "deductions": [
            {"kind": d.kind, "count": d.count, "amount": money(d.amount)} for d in st.deductions
        ],
        "deductions_total": money(st.deducted),
        "rewards": [
            {
                "reward_id": r.reward_id,
                "staff_id": r.staff_id,
                "technician_id": r.technician_id,
                "month": r.month,
                "amount": money(r.amount),
                "reason": r.reason,
            }
            for r in st.rewards
        ],
        "rewards_total": money(st.rewarded),
        "unpaid_work": [
            {
                "job_id": u.job_id,
                "service_class": u.service_class,
                "work_value": money(u.work_value),
                "paid": money(0),
                "reason": u.reason,
            }
            for u in st.unpaid
        ],
        "net": money(st.net),
        "held": [
            {
                **h,
                "work_value": money(h["work_value"]),
                "customer_total": money(h["customer_total"]),
            }
            for h in s.held
        ],
        "closed_at": s.closed_at.isoformat() if s.closed_at else None,
        "settlement_id": str(s.settlement_id) if s.settlement_id else None,
    }


async def _compute(
    uow: UnitOfWork, month: str, policy: BillingPolicy, point_id: uuid.UUID | None
) -> list[PointStatement]:
    activity: dict[uuid.UUID, dict[str, ClassActivity]] = defaultdict(dict)
    compensation: dict[uuid.UUID, tuple[int, int]] = defaultdict(lambda: (0, 0))
    rows = await ChargeRepository(uow.session).month_activity(month, point_id)
    for pid, cls, jobs, work, customer, company, comp, late_jobs in rows:
        activity[pid][cls] = ClassActivity(int(jobs), int(work), int(customer), int(company))
        if comp:
            n, total = compensation[pid]
            compensation[pid] = (n + int(late_jobs), total + int(comp))
    settlements = SettlementRepository(uow.session)
    deductions: dict[uuid.UUID, list[Deduction]] = defaultdict(list)
    for pid, kind, count, amount in await settlements.deductions(month, point_id):
        deductions[pid].append(Deduction(kind, int(count), int(amount)))
    for pid, (count, amount) in compensation.items():
        deductions[pid].append(Deduction("late_compensation", count, amount))
    partners = await FactsRepository(uow.session).partners()
    end = month_end(month, policy.tz)
    cash = CashRepository(uow.session)
    payments = PaymentRepository(uow.session)
    for kind, per_point in (
        # The cash a partner point owes at month end: not remitted, whoever holds it.
        ("cash_held", await cash.held_at(month, end, partners)),
        # Its technicians' card, transfer and wallet payments still unreconciled long after.
        (
            "unreconciled",
            await payments.unreconciled_at(month, end - policy.reconcile_within, partners),
        ),
        # Those deducted in an earlier month and reconciled since: given back.
        ("unreconciled_reversed", await payments.reversed_in(month)),
    ):
        for pid, (count, amount) in per_point.items():
            if point_id is None or pid == point_id:
                deductions[pid].append(Deduction(kind, count, amount))
    unpaid: dict[uuid.UUID, list[UnpaidWork]] = defaultdict(list)
    for pid, job_id, cls, work, reason in await ChargeRepository(uow.session).unpaid_work(
        month, point_id
    ):
        unpaid[pid].append(UnpaidWork(str(job_id), cls, int(work), reason))
    rewards: dict[uuid.UUID, list[Reward]] = defaultdict(list)
    for r in await settlements.rewards(month, point_id):
        assert r.point_id is not None  # paid through a point's statement
        rewards[r.point_id].append(
            Reward(
                str(r.reward_id),
                str(r.staff_id),
                str(r.technician_id) if r.technician_id else None,
                r.month,
                r.amount,
                r.reason,
            )
        )
    grades = await settlements.grades(month)
    held = await ReviewRepository(uow.session).held_in(month, point_id)
    points = sorted(
        set(activity) | set(deductions) | set(unpaid) | set(rewards) | set(held), key=str
    )
    if point_id is not None and point_id not in points:
        points = [point_id]
    return [
        PointStatement(
            pid,
            month,
            compute(
                activity.get(pid, {}),
                grade=grades.get(pid),
                deductions=sorted(
                    deductions.get(pid, []), key=lambda d: DEDUCTION_KINDS.index(d.kind)
                ),
                rates=policy.rates,
                unpaid=unpaid.get(pid, []),
                rewards=rewards.get(pid, []),
            ),
            held=tuple(held_line(c, flags) for c, flags in held.get(pid, [])),
        )
        for pid in points
    ]


def held_line(charge: ChargeRow, flags: list[ReviewRow]) -> dict[str, Any]:
    return {
        "charge_id": str(charge.id),
        "job_id": str(charge.job_id) if charge.job_id else None,
        "service_class": charge.service_class,
        "work_value": charge.work_value,
        "customer_total": charge.customer_total,
        "reasons": [
            {
                "review_id": str(f.id),
                "rule": f.rule,
                "reason": f.reason,
                "figure": f.figure,
                "norm": f.norm,
            }
            for f in flags
        ],
    }


async def statements(
    uow: UnitOfWork, month: str, point_id: uuid.UUID | None = None, *, policy: BillingPolicy
) -> list[dict[str, Any]]:
    """Each point's statement for the month: the frozen one if closed, else computed now."""
    parse_month(month)
    if await Months(uow.session).is_closed(month):
        rows = await SettlementRepository(uow.session).closed(month, point_id)
        if point_id is not None and not rows:
            return [
                as_document(p, policy.currency)
                for p in await _compute(uow, month, policy, point_id)
            ]
        return [row.statement for row in rows]
    return [as_document(p, policy.currency) for p in await _compute(uow, month, policy, point_id)]


async def close_month(
    uow: UnitOfWork,
    month: str,
    *,
    actor: str,
    policy: BillingPolicy,
    force_reason: str | None = None,
) -> list[dict[str, Any]]:
    """Freeze the month's statements. Feedback must have graded the month first (its grades
    set each point's factor) unless finance forces the close, saying why."""
    parse_month(month)
    now = uow.now()
    if month_end(month, policy.tz) > now:
        raise Unprocessable(f"{month} is not over yet; a month is closed after its last day.")
    months = Months(uow.session)
    await months.lock_for_close(month)
    if await months.is_closed(month):
        raise Conflict(f"{month} is closed already; its statements cannot change.")
    if force_reason is None and not await months.graded(month):
        raise Conflict(
            f"{month} has not been graded yet: grade it in feedback (POST /v1/grading/{month}) "
            'and close it then, or force the close with {"force": true, "reason": "..."}.',
            month=month,
        )
    months.close(
        ClosedMonthRow(month=month, closed_by=actor, closed_at=now, forced_reason=force_reason)
    )
    partners = await FactsRepository(uow.session).partners()
    end = month_end(month, policy.tz)
    cutoff = end - policy.reconcile_within
    # What this close nets and deducts is locked before it is computed: a remittance or a
    # reconciliation at the same moment waits and then sees it netted or deducted.
    await CashRepository(uow.session).lock_owed(end, partners)
    await PaymentRepository(uow.session).lock_overdue(cutoff, partners)
    repo = SettlementRepository(uow.session)
    documents = []
    for computed in await _compute(uow, month, policy, None):
        closed = PointStatement(
            computed.point_id,
            month,
            computed.statement,
            closed_at=now,
            settlement_id=uuid.uuid4(),
            held=computed.held,
        )
        document = as_document(closed, policy.currency)
        st = closed.statement
        assert closed.settlement_id is not None
        repo.add(
            SettlementRow(
                id=closed.settlement_id,
                point_id=closed.point_id,
                month=month,
                jobs=st.jobs,
                grade=st.grade,
                grade_factor_percent=st.grade_factor_percent,
                gross=st.graded,
                deductions=st.deducted,
                net=st.net,
                currency=policy.currency,
                statement=document,
                closed_at=now,
            )
        )
        uow.publish(
            billing.SettlementClosed(
                settlement_id=closed.settlement_id,
                point_id=closed.point_id,
                month=month,
                jobs=st.jobs,
                grade=st.grade,  # type: ignore[arg-type]
                grade_factor_percent=st.grade_factor_percent,
                gross=Money(amount=st.graded, currency=policy.currency),
                deductions=Money(amount=st.deducted, currency=policy.currency),
                net=Money(amount=st.net, currency=policy.currency),
                closed_at=now,
                rewards=Money(amount=st.rewarded, currency=policy.currency),
            ),
            aggregate_id=closed.settlement_id,
            aggregate_version=1,
        )
        documents.append(document)
    await CashRepository(uow.session).net(month, end, partners)
    await PaymentRepository(uow.session).mark_deducted(month, cutoff, partners)
    await uow.session.flush()
    return documents
