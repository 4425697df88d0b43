"""Staff rewards (clause 1): the month's grading decides, per staff member of a role with a
reward rule, whether they met the standard, and writes the reward beside the penalties. Each
is decided once per staff member and month (a re-run decides only those not rewarded yet), and
published as ``feedback.staff.rewarded.v1``: billing pays a partner's technician's reward
through the point's settlement."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from aftersales.events import Money, feedback
from aftersales.unit_of_work import UnitOfWork
from feedback.adapters.repositories.callbacks import CallbackRepository
from feedback.adapters.repositories.complaints import ComplaintRepository
from feedback.adapters.repositories.discipline import StrikeRepository
from feedback.adapters.repositories.rewards import RewardRepository
from feedback.adapters.repositories.staff import StaffRepository
from feedback.adapters.tables import StaffRow
from feedback.domain.rewards import Month, judge
from feedback.domain.staff import actor_for
from feedback.use_cases.policy import FeedbackPolicy


@dataclass(frozen=True)
class StaffMonth:
    """What the month's report and the reward rule read of one staff member."""

    member: StaffRow
    month: Month
    outcomes: dict[str, int]
    point_id: uuid.UUID | None


async def staff_months(
    uow: UnitOfWork, month: str, *, roles: tuple[str, ...] | None = None
) -> list[StaffMonth]:
    """Each registered staff member's month (of ``roles``, or all): a technician's jobs are
    those they completed, an agent's the callbacks they made; complaints count once
    substantiated, in the month that counts them (as on the scorecards)."""
    staff = StaffRepository(uow.session)
    members = await staff.of_roles(roles or ("technician", "agent", "host", "sales_service"))
    callbacks = CallbackRepository(uow.session)
    technicians = await callbacks.technician_months(month)
    recorded = await callbacks.recorder_months(month)
    technician_outcomes = await callbacks.counts(month, by="technician")
    complained = await ComplaintRepository(uow.session).substantiated(month, by="staff")
    dismissed = await StrikeRepository(uow.session).dismissed([m.id for m in members])
    out = []
    for m in members:
        if m.role == "technician":
            jobs, reached, satisfied, point_id = technicians.get(m.id, (0, 0, 0, None))
            counts = technician_outcomes.get(m.id, {})
            outcomes = {
                "satisfied": counts.get("satisfied", 0),
                "unsatisfied": counts.get("unsatisfied", 0),
                "complaint": counts.get("complaint_outcomes", 0),
                "not_fixed_first_visit": counts.get("not_fixed_first_visit", 0),
                "not_fixed_repeat": counts.get("not_fixed_repeat", 0),
                "bad_attitude": counts.get("attitude_complaints", 0),
            }
        else:
            actor = actor_for(m.role, m.subject)
            outcomes = dict(recorded.get(actor, {})) if actor else {}
            jobs = reached = sum(outcomes.values())
            satisfied, point_id = outcomes.get("satisfied", 0), None
        out.append(
            StaffMonth(
                member=m,
                month=Month(
                    jobs=jobs,
                    reached=reached,
                    satisfied=satisfied,
                    substantiated_complaints=complained.get(m.id, 0),
                    dismissed=m.id in dismissed or not m.active,
                ),
                outcomes=outcomes,
                point_id=point_id or m.point_id,
            )
        )
    return out


async def decide_rewards(uow: UnitOfWork, month: str, *, policy: FeedbackPolicy) -> int:
    """Reward every staff member of a role with a rule who met it in ``month`` and has no
    reward for it yet; returns how many were rewarded now."""
    rules = policy.reward_rules
    if not rules:
        return 0
    rewards = RewardRepository(uow.session)
    now = uow.now()
    rewarded = 0
    for sm in await staff_months(uow, month, roles=tuple(rules)):
        rule = rules[sm.member.role]
        verdict = judge(sm.month, rule)
        if not verdict.rewarded or rule.amount <= 0:
            continue
        reward_id = uuid.uuid4()
        decided = await rewards.add_once(
            {
                "id": reward_id,
                "staff_id": sm.member.id,
                "role": sm.member.role,
                "point_id": sm.point_id,
                "month": month,
                "amount": rule.amount,
                "currency": "CNY",
                "jobs": sm.month.jobs,
                "reached": sm.month.reached,
                "satisfied": sm.month.satisfied,
                "reason": verdict.reason,
                "decided_at": now,
            }
        )
        if not decided:
            continue
        rewarded += 1
        uow.publish(
            feedback.StaffRewarded(
                reward_id=reward_id,
                staff_id=sm.member.id,
                role=sm.member.role,  # type: ignore[arg-type]
                point_id=sm.point_id,
                technician_id=sm.member.id if sm.member.role == "technician" else None,
                month=month,
                amount=Money(amount=rule.amount),
                reason=verdict.reason,
                decided_at=now,
            ),
            aggregate_id=sm.member.id,
            aggregate_version=await rewards.count_of_staff(sm.member.id),
        )
    return rewarded
