"""Events dispatch listens to."""

from __future__ import annotations

from aftersales.events import intake
from aftersales.messaging.consumer import Subscription
from dispatch.use_cases.jobs import create_job_for_ticket

SUBSCRIPTIONS = (
    Subscription(
        producer="intake",
        handlers={intake.TicketCreated.SUBJECT: create_job_for_ticket},
    ),
)
