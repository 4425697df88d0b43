"""Events intake listens to: decode, then call a use case."""

from __future__ import annotations

from aftersales.events import dispatch
from aftersales.messaging.consumer import Subscription
from intake.use_cases.tickets import note_job_unrouted

SUBSCRIPTIONS = (
    Subscription(
        producer="dispatch",
        handlers={dispatch.JobUnrouted.SUBJECT: note_job_unrouted},
    ),
)
