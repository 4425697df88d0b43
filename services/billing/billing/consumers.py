"""Events billing listens to."""

from __future__ import annotations

from aftersales.events import intake
from aftersales.messaging.consumer import Subscription
from billing.use_cases.projections import record_ticket

SUBSCRIPTIONS = (
    Subscription(producer="intake", handlers={intake.TicketCreated.SUBJECT: record_ticket}),
)
