"""Events billing listens to.

Money is decided by some enum values: an event carrying one billing does not know yet (a newer
producer's kind, exclusion, delay cause, callback outcome, grade or disciplinary action) waits
in the dead-letter list until a billing that knows it is deployed and replays it.
"""

from __future__ import annotations

from aftersales.events import dispatch, feedback, intake
from aftersales.messaging.consumer import DEAD_LETTER, Subscription, reading
from billing.use_cases import charging, parts_orders, privacy, projections, remedies

SUBSCRIPTIONS = (
    Subscription(
        producer="intake",
        handlers={
            intake.TicketCreated.SUBJECT: reading(projections.record_ticket, kind=DEAD_LETTER),
            intake.TicketResolvedRemotely.SUBJECT: charging.on_resolved_remotely,
            intake.ProductRegistered.SUBJECT: projections.record_product,
            intake.ProductUpdated.SUBJECT: projections.record_product,
            intake.TicketRemedyDecided.SUBJECT: reading(
                remedies.on_remedy_decided, remedy=DEAD_LETTER
            ),
            intake.CustomerErased.SUBJECT: privacy.on_customer_erased,
            intake.PartsOrderPlaced.SUBJECT: parts_orders.on_placed,
            intake.TicketCancelled.SUBJECT: parts_orders.on_ticket_cancelled,
        },
    ),
    Subscription(
        producer="dispatch",
        handlers={
            dispatch.JobCompleted.SUBJECT: reading(
                charging.on_job_completed,
                **{"exclusion.reason": DEAD_LETTER, "delay_cause.cause": DEAD_LETTER},
            ),
            dispatch.SlaBreached.SUBJECT: reading(projections.record_sla_breach, sla=DEAD_LETTER),
            dispatch.PartReturnOverdue.SUBJECT: projections.record_unreturned_part,
            dispatch.PointRegistered.SUBJECT: projections.record_point,
            dispatch.PointUpdated.SUBJECT: projections.record_point,
        },
    ),
    Subscription(
        producer="feedback",
        handlers={
            feedback.PointGraded.SUBJECT: reading(projections.record_grade, grade=DEAD_LETTER),
            feedback.ComplaintResolved.SUBJECT: projections.record_complaint,
            feedback.TechnicianDisciplined.SUBJECT: reading(
                projections.record_discipline, action=DEAD_LETTER
            ),
            feedback.CallbackRecorded.SUBJECT: reading(
                projections.record_callback, outcome=DEAD_LETTER
            ),
            feedback.GradingCompleted.SUBJECT: projections.record_grading,
        },
    ),
)
