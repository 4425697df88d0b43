"""Events billing listens to."""

from __future__ import annotations

from aftersales.events import dispatch, feedback, intake
from aftersales.messaging.consumer import Subscription
from billing.use_cases import charging, parts_orders, privacy, projections, remedies

SUBSCRIPTIONS = (
    Subscription(
        producer="intake",
        newest_only=True,
        handlers={
            intake.TicketCreatedV2.SUBJECT: projections.record_ticket,
            intake.TicketCreated.SUBJECT: projections.record_ticket,
            intake.TicketResolvedRemotely.SUBJECT: charging.on_resolved_remotely,
            intake.ProductRegistered.SUBJECT: projections.record_product,
            intake.ProductUpdated.SUBJECT: projections.record_product,
            intake.TicketRemedyDecided.SUBJECT: remedies.on_remedy_decided,
            intake.CustomerErased.SUBJECT: privacy.on_customer_erased,
            intake.PartsOrderPlaced.SUBJECT: parts_orders.on_placed,
            intake.TicketCancelled.SUBJECT: parts_orders.on_ticket_cancelled,
        },
    ),
    Subscription(
        producer="dispatch",
        newest_only=True,
        handlers={
            dispatch.JobCompletedV3.SUBJECT: charging.on_job_completed,
            dispatch.JobCompletedV2.SUBJECT: charging.on_job_completed,
            dispatch.JobCompleted.SUBJECT: charging.on_job_completed,
            dispatch.SlaBreached.SUBJECT: projections.record_sla_breach,
            dispatch.PartReturnOverdue.SUBJECT: projections.record_unreturned_part,
            dispatch.PointRegistered.SUBJECT: projections.record_point,
            dispatch.PointUpdated.SUBJECT: projections.record_point,
        },
    ),
    Subscription(
        producer="feedback",
        newest_only=True,
        handlers={
            feedback.PointGraded.SUBJECT: projections.record_grade,
            feedback.ComplaintResolved.SUBJECT: projections.record_complaint,
            feedback.TechnicianDisciplined.SUBJECT: projections.record_discipline,
            feedback.CallbackRecordedV2.SUBJECT: projections.record_callback,
            feedback.CallbackRecorded.SUBJECT: projections.record_callback,
            feedback.GradingCompleted.SUBJECT: projections.record_grading,
        },
    ),
)
