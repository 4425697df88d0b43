"""Events dispatch listens to."""

from __future__ import annotations

from functools import partial

from aftersales.events import billing, feedback, intake
from aftersales.messaging.subscriptions import DEAD_LETTER, Subscription, reading
from dispatch.use_cases import parts_orders, pauses, privacy, returns, windows
from dispatch.use_cases.jobs import cancel_jobs_of_ticket, create_job_for_ticket, create_rework_job
from dispatch.use_cases.points import apply_grade
from dispatch.use_cases.policy import DispatchPolicy
from dispatch.use_cases.technicians import apply_discipline


def subscriptions(policy: DispatchPolicy) -> tuple[Subscription, ...]:
    """Dispatch's consumers, their handlers bound to the service's rules."""
    return (
        Subscription(
            producer="intake",
            handlers={
                intake.TicketCreated.SUBJECT: partial(create_job_for_ticket, policy=policy),
                intake.TicketReopened.SUBJECT: partial(create_rework_job, policy=policy),
                intake.TicketCancelled.SUBJECT: cancel_jobs_of_ticket,
                intake.TicketResolvedRemotely.SUBJECT: cancel_jobs_of_ticket,
                intake.TicketClosed.SUBJECT: cancel_jobs_of_ticket,
                intake.TicketWindowAgreed.SUBJECT: windows.on_window_agreed,
                intake.TicketPaused.SUBJECT: pauses.on_ticket_paused,
                intake.TicketResumed.SUBJECT: pauses.on_ticket_resumed,
                intake.CustomerErased.SUBJECT: privacy.on_customer_erased,
                intake.PartsOrderPlaced.SUBJECT: parts_orders.on_placed,
            },
        ),
        Subscription(
            producer="billing",
            handlers={
                billing.ChargeIssued.SUBJECT: returns.on_charge_issued,
                billing.ChargeCorrected.SUBJECT: returns.on_charge_corrected,
                billing.PartsOrderPaid.SUBJECT: partial(parts_orders.on_paid, policy=policy),
                billing.PartsOrderCancelled.SUBJECT: parts_orders.on_cancelled,
            },
        ),
        Subscription(
            producer="feedback",
            handlers={
                # Routing ranks by grade, and a dismissal takes a technician off the roster: a
                # value dispatch does not know waits until it does.
                feedback.PointGraded.SUBJECT: reading(apply_grade, grade=DEAD_LETTER),
                feedback.TechnicianDisciplined.SUBJECT: reading(
                    apply_discipline, action=DEAD_LETTER
                ),
            },
        ),
    )
