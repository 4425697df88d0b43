"""Events feedback listens to."""

from __future__ import annotations

from aftersales.events import dispatch, intake
from aftersales.messaging.consumer import Subscription
from feedback.use_cases import callbacks, privacy, projections

SUBSCRIPTIONS = (
    Subscription(
        producer="intake",
        newest_only=True,
        handlers={
            intake.TicketCreatedV2.SUBJECT: projections.record_ticket,
            intake.TicketCreated.SUBJECT: projections.record_ticket,
            intake.CustomerErased.SUBJECT: privacy.on_customer_erased,
            intake.TicketClosedV2.SUBJECT: callbacks.on_ticket_closed,
            intake.TicketCallbackRequested.SUBJECT: callbacks.on_callback_requested,
        },
    ),
    Subscription(
        producer="dispatch",
        newest_only=True,
        handlers={
            dispatch.JobCompletedV2.SUBJECT: callbacks.on_job_completed,
            dispatch.JobCompleted.SUBJECT: callbacks.on_job_completed,
            dispatch.SlaBreached.SUBJECT: projections.record_breach,
        },
    ),
)
