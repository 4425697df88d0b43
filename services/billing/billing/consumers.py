"""Events billing listens to.

Money is decided by some enum values: an event carrying one billing does not know yet (a newer
producer's kind, exclusion, delay cause, callback outcome, grade or disciplinary action) waits
in the dead-letter list until a billing that knows it is deployed and replays it.
"""

from __future__ import annotations

from functools import partial

from aftersales.events import dispatch, feedback, intake
from aftersales.messaging.subscriptions import DEAD_LETTER, Subscription, reading
from billing.use_cases import deliveries, parts_orders, privacy, projections, remedies, rewards
from billing.use_cases.charging import completed_jobs, remote
from billing.use_cases.policy import BillingPolicy


def subscriptions(policy: BillingPolicy) -> tuple[Subscription, ...]:
    """Billing's consumers, their handlers bound to the service's rules."""
    return (
        Subscription(
            producer="intake",
            handlers={
                intake.TicketCreated.SUBJECT: reading(
                    partial(projections.record_ticket, policy=policy), kind=DEAD_LETTER
                ),
                intake.TicketResolvedRemotely.SUBJECT: partial(
                    remote.on_resolved_remotely, policy=policy
                ),
                intake.ProductRegistered.SUBJECT: projections.record_product,
                intake.ProductUpdated.SUBJECT: projections.record_product,
                intake.TicketRemedyDecided.SUBJECT: reading(
                    partial(remedies.on_remedy_decided, policy=policy), remedy=DEAD_LETTER
                ),
                intake.CustomerErased.SUBJECT: privacy.on_customer_erased,
                intake.PartsOrderPlaced.SUBJECT: partial(parts_orders.on_placed, policy=policy),
                intake.TicketCancelled.SUBJECT: partial(
                    parts_orders.on_ticket_cancelled, policy=policy
                ),
            },
        ),
        Subscription(
            producer="dispatch",
            handlers={
                dispatch.JobCompleted.SUBJECT: reading(
                    partial(completed_jobs.on_job_completed, policy=policy),
                    **{"exclusion.reason": DEAD_LETTER, "delay_cause.cause": DEAD_LETTER},
                ),
                dispatch.SlaBreached.SUBJECT: reading(
                    partial(projections.record_sla_breach, policy=policy), sla=DEAD_LETTER
                ),
                dispatch.PartReturnOverdue.SUBJECT: partial(
                    projections.record_unreturned_part, policy=policy
                ),
                dispatch.PointRegistered.SUBJECT: projections.record_point,
                dispatch.PointUpdated.SUBJECT: projections.record_point,
                dispatch.PartsOrderDelivered.SUBJECT: partial(
                    deliveries.on_delivered, policy=policy
                ),
            },
        ),
        Subscription(
            producer="feedback",
            handlers={
                feedback.PointGraded.SUBJECT: reading(projections.record_grade, grade=DEAD_LETTER),
                feedback.ComplaintResolved.SUBJECT: partial(
                    projections.record_complaint, policy=policy
                ),
                feedback.TechnicianDisciplined.SUBJECT: reading(
                    partial(projections.record_discipline, policy=policy), action=DEAD_LETTER
                ),
                feedback.CallbackRecorded.SUBJECT: reading(
                    partial(projections.record_callback, policy=policy),
                    outcome=DEAD_LETTER,
                    visit_confirmed=DEAD_LETTER,
                ),
                feedback.GradingCompleted.SUBJECT: projections.record_grading,
                feedback.StaffRewarded.SUBJECT: partial(rewards.on_staff_rewarded, policy=policy),
            },
        ),
    )
