"""The rules of the webhook gateway, made once from intake's settings: where a receiver may be,
the keys that seal the signing secrets, which older event versions are still made, how many
subscriptions an owner may hold, and how deliveries are bounded, retried and given up on."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from aftersales.http.egress import MAX_ANSWER_BYTES, EgressPolicy
from aftersales.sealed import SecretBox
from intake.domain.event_catalogue import Sunsets
from intake.settings import IntakeSettings


@dataclass(frozen=True)
class WebhookPolicy:
    egress: EgressPolicy
    box: SecretBox
    # Older event versions still made for subscribers, until their sunset date.
    sunsets: Sunsets = field(default_factory=dict)
    # Subscriptions per owner (a CRM tenant, a point, a technician, the app, the staff).
    per_owner: int = 20
    retry_schedule: tuple[int, ...] = (5, 30, 120)
    # Deliveries in flight at once per replica, and per owner.
    lanes: int = 100
    lanes_per_owner: int = 4
    timeout_seconds: float = 10
    max_answer_bytes: int = MAX_ANSWER_BYTES
    disable_after: timedelta = timedelta(days=3)

    @classmethod
    def from_settings(cls, s: IntakeSettings) -> WebhookPolicy:
        return cls(
            egress=s.egress_policy,
            box=s.secret_box,
            sunsets=dict(s.event_sunsets),
            per_owner=s.webhooks_per_owner,
            retry_schedule=tuple(s.webhook_retry_schedule),
            lanes=s.webhook_lanes,
            lanes_per_owner=s.webhook_lanes_per_owner,
            timeout_seconds=s.webhook_timeout_seconds,
            disable_after=s.webhook_disable_after,
        )
