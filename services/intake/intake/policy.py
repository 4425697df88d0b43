"""intake's rules, made once from its settings (``DEFINITION.policy``, ``app.state.policy``): the
ticket core's, the webhook gateway's and the customer notifications', each handed only to the
code that applies it."""

from __future__ import annotations

from dataclasses import dataclass

from intake.integrations.use_cases.policy import WebhookPolicy
from intake.notifications.use_cases.policy import NotificationPolicy
from intake.settings import IntakeSettings
from intake.use_cases.policy import TicketPolicy


@dataclass(frozen=True)
class IntakePolicy:
    tickets: TicketPolicy
    webhooks: WebhookPolicy
    notifications: NotificationPolicy

    @classmethod
    def from_settings(cls, s: IntakeSettings) -> IntakePolicy:
        return cls(
            tickets=TicketPolicy.from_settings(s),
            webhooks=WebhookPolicy.from_settings(s),
            notifications=NotificationPolicy.from_settings(s),
        )
