"""Events feedback listens to."""

from __future__ import annotations

from aftersales.events import dispatch, intake
from aftersales.messaging.consumer import Subscription, reading
from feedback.use_cases import callbacks, privacy, projections

SUBSCRIPTIONS = (
    Subscription(
        producer="intake",
        handlers={
            intake.TicketCreated.SUBJECT: projections.record_ticket,
            intake.CustomerErased.SUBJECT: privacy.on_customer_erased,
            intake.TicketClosed.SUBJECT: callbacks.on_ticket_closed,
            intake.TicketCallbackRequested.SUBJECT: callbacks.on_callback_requested,
        },
    ),
    Subscription(
        producer="dispatch",
        handlers={
            # The callback is made whatever the job's resolution and reported outcome: they
            # only inform the agent who calls.
            dispatch.JobCompleted.SUBJECT: reading(
                callbacks.on_job_completed, resolution="on_site", outcome="fixed"
            ),
            dispatch.SlaBreached.SUBJECT: projections.record_breach,
            # Who was offered, assigned or booked for the ticket's jobs: whom a complaint may name.
            dispatch.JobRouted.SUBJECT: projections.record_offered,
            dispatch.JobAccepted.SUBJECT: projections.record_accepted,
            dispatch.JobScheduled.SUBJECT: projections.record_scheduled,
        },
    ),
)
