"""Events feedback listens to."""

from __future__ import annotations

from aftersales.events import dispatch, intake
from aftersales.messaging.consumer import Subscription
from feedback.use_cases import callbacks, privacy, projections

SUBSCRIPTIONS = (
    Subscription(
        producer="intake",
        handlers={
            intake.TicketCreated.SUBJECT: projections.record_ticket,
            intake.CustomerErased.SUBJECT: privacy.on_customer_erased,
        },
    ),
    Subscription(
        producer="dispatch",
        handlers={
            dispatch.JobCompleted.SUBJECT: callbacks.on_job_completed,
            dispatch.SlaBreached.SUBJECT: projections.record_breach,
        },
    ),
)
