"""Which producers' streams each service reads, and under which durable consumer: what the broker
must let each service's identity consume (``aftersales nats-credentials``, the local stack)."""

from __future__ import annotations

from typing import Any


def service_consumes() -> dict[str, list[str | tuple[str, str]]]:
    """Which producers' streams each service listens to, and under which durable consumer,
    read from the services' definitions."""
    from aftersales.registry import SERVICES

    return {
        ref.name: sorted(
            {(s.producer, s.durable or ref.name) for s in _subscriptions(ref.definition())}
        )
        for ref in SERVICES
    }


def _subscriptions(definition: Any) -> Any:
    return definition.subscriptions_for(definition.policy_for())
