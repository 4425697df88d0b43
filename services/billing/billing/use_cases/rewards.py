"""Staff rewards (the basic standard, clause 1: meeting the standard shows in rewards as well as
penalties). Feedback's month grading decides them (``feedback.staff.rewarded.v1``); billing
records each once, by its ``reward_id``, however often it is delivered.

Like a penalty, a reward falls where the staff member is paid: a partner point's staff (the
reward names the point) are paid it through the point's settlement, as a line of its own; the
company's own centres pay their staff themselves, so their rewards are recorded only. It is
paid in the statement of the month it is for, or, when that month is closed already, in the
first open one after it (a closed statement never changes, and no reward is lost).
"""

from __future__ import annotations

from aftersales.errors import NotFound, Unprocessable
from aftersales.events import Envelope, feedback
from aftersales.unit_of_work import UnitOfWork
from billing.adapters.repositories.facts import FactsRepository
from billing.adapters.repositories.settlements import SettlementRepository
from billing.domain.months import parse_month
from billing.use_cases.charging.issuing import settlement_month_of
from billing.use_cases.policy import BillingPolicy


async def on_staff_rewarded(
    uow: UnitOfWork, event: Envelope[feedback.StaffRewarded], *, policy: BillingPolicy
) -> None:
    d = event.data
    if d.amount.currency != policy.currency:
        # Waits in the dead-letter list: billing settles in one currency.
        raise Unprocessable(
            f"Reward {d.reward_id} is in {d.amount.currency}; billing settles in {policy.currency}."
        )
    parse_month(d.month)
    point = await FactsRepository(uow.session).point(d.point_id) if d.point_id else None
    if d.point_id is not None and point is None:
        # Who pays depends on the point: wait for its registration (the message is delivered
        # again with a growing delay), rather than file the reward as the company's for good.
        raise NotFound(f"Point {d.point_id} of reward {d.reward_id} is not known to billing yet.")
    partner = point is not None and point.is_partner
    await SettlementRepository(uow.session).add_reward(
        {
            "reward_id": d.reward_id,
            "staff_id": d.staff_id,
            "role": str(d.role),
            "point_id": d.point_id,
            "technician_id": d.technician_id,
            "month": d.month,
            "amount": d.amount.amount,
            "currency": d.amount.currency,
            "reason": d.reason,
            "paid_through_point": partner,
            "settlement_month": await settlement_month_of(uow, d.month) if partner else None,
            "decided_at": d.decided_at,
            "recorded_at": uow.now(),
        }
    )
