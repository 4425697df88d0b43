"""Events dispatch listens to."""

from __future__ import annotations

from aftersales.events import billing, feedback, intake
from aftersales.messaging.consumer import DEAD_LETTER, Subscription, reading
from dispatch.use_cases import parts_orders, pauses, privacy, returns
from dispatch.use_cases.jobs import cancel_jobs_of_ticket, create_job_for_ticket, create_rework_job
from dispatch.use_cases.points import apply_grade
from dispatch.use_cases.technicians import apply_discipline

SUBSCRIPTIONS = (
    Subscription(
        producer="intake",
        handlers={
            intake.TicketCreated.SUBJECT: create_job_for_ticket,
            intake.TicketReopened.SUBJECT: create_rework_job,
            intake.TicketCancelled.SUBJECT: cancel_jobs_of_ticket,
            intake.TicketResolvedRemotely.SUBJECT: cancel_jobs_of_ticket,
            intake.TicketClosed.SUBJECT: cancel_jobs_of_ticket,
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
            billing.PartsOrderPaid.SUBJECT: parts_orders.on_paid,
            billing.PartsOrderCancelled.SUBJECT: parts_orders.on_cancelled,
        },
    ),
    Subscription(
        producer="feedback",
        handlers={
            # Routing ranks by grade, and a dismissal takes a technician off the roster: a
            # value dispatch does not know waits until it does.
            feedback.PointGraded.SUBJECT: reading(apply_grade, grade=DEAD_LETTER),
            feedback.TechnicianDisciplined.SUBJECT: reading(apply_discipline, action=DEAD_LETTER),
        },
    ),
)
