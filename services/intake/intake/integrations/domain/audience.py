"""Who may receive which event by webhook: the subscription's owner against the event's facts.

A subscription belongs to the token that made it. The information centre's staff see every
event; a CRM only its tenant's; a point only events about itself (offers, assignments, SLA
breaches, its charges, callbacks and grades); a technician only its own; the mobile app backend
(``app``) the field events of every technician. The facts come from the event itself (its
``point_id``, ``technician_id``, ``tenant_id``) and, for a ticket's tenant, from intake's own
tickets: no other service's tables are read.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from aftersales.errors import Unprocessable
from aftersales.events import EventData
from intake.domain.event_catalogue import REGISTRY

STAFF = "staff"
# What the mobile app backend is for: jobs offered, scheduled, rescheduled, reported on.
FIELD_PREFIXES = ("dispatch.job.",)


@dataclass(frozen=True)
class Owner:
    """Whose a subscription is: ``staff`` (sees all), or a scoped role and its scope."""

    role: str
    scope: str | None = None

    @property
    def is_staff(self) -> bool:
        return self.role == STAFF


@dataclass(frozen=True)
class Facts:
    """What an event says about whom it concerns."""

    tenant_id: str | None = None
    point_id: str | None = None
    technician_id: str | None = None


class Caller(Protocol):
    """Who asks (a token's principal), as far as the audience cares."""

    @property
    def role(self) -> str: ...

    @property
    def scope(self) -> str | None: ...


def owner_of(principal: Caller) -> Owner:
    if principal.role in ("admin", "agent"):
        return Owner(STAFF)
    if principal.role == "app":
        return Owner("app")
    return Owner(principal.role, principal.scope)


def _fields(contract: type[EventData]) -> set[str]:
    return set(contract.model_fields)


def reachable(owner: Owner, subject: str) -> bool:
    """Could an event on ``subject`` ever concern ``owner``? (Whether one does is ``admits``.)"""
    contract = REGISTRY[subject]
    fields = _fields(contract)
    match owner.role:
        case "staff":
            return True
        case "crm":
            return bool({"ticket_id", "tenant_id"} & fields)
        case "point":
            return "point_id" in fields
        case "technician":
            return "technician_id" in fields
        case "app":
            return subject.startswith(FIELD_PREFIXES)
    return False


def admits(owner: Owner, subject: str, facts: Facts) -> bool:
    """Does this event, with these facts, belong in ``owner``'s subscriptions?"""
    if not reachable(owner, subject):
        return False
    match owner.role:
        case "staff" | "app":
            return True
        case "crm":
            return facts.tenant_id is not None and facts.tenant_id == owner.scope
        case "point":
            return facts.point_id is not None and facts.point_id == owner.scope
        case "technician":
            return facts.technician_id is not None and facts.technician_id == owner.scope
    return False


def facts_for(owner: Owner) -> Facts:
    """The facts of an event about ``owner`` itself (its subscription was disabled, say), so
    that it reaches that owner's subscriptions and the staff's, and no one else's. The ``app``
    role has no scope to name: such an event reaches the staff only."""
    match owner.role:
        case "crm":
            return Facts(tenant_id=owner.scope)
        case "point":
            return Facts(point_id=owner.scope)
        case "technician":
            return Facts(technician_id=owner.scope)
    return Facts()


def facts_of(data: EventData, tenant_of_ticket: str | None) -> Facts:
    def text(name: str) -> str | None:
        value = getattr(data, name, None)
        return None if value is None else str(value)

    return Facts(
        tenant_id=text("tenant_id") or tenant_of_ticket,
        point_id=text("point_id"),
        technician_id=text("technician_id"),
    )


def matches(patterns: Iterable[str], subject: str) -> bool:
    """NATS-style patterns: ``*`` one token, ``>`` the rest; ``intake.ticket.*.v1``."""
    tokens = subject.split(".")
    for pattern in patterns:
        parts = pattern.split(".")
        if parts[-1] == ">":
            head = parts[:-1]
            if len(tokens) > len(head) and all(
                p in ("*", t) for p, t in zip(head, tokens, strict=False)
            ):
                return True
        elif len(parts) == len(tokens) and all(
            p in ("*", t) for p, t in zip(parts, tokens, strict=True)
        ):
            return True
    return False


def check_reach(owner: Owner, patterns: Sequence[str], subjects: Sequence[str]) -> None:
    """Each pattern must match at least one of ``subjects`` (the versions integrators may
    subscribe to) that can reach the owner; a wildcard that also matches others is fine (they
    are filtered, never refused). A version never published, or retired, is refused."""
    unknown = [p for p in patterns if not any(matches([p], s) for s in subjects)]
    if unknown:
        raise Unprocessable(
            f"{unknown} match no event the suite publishes"
            " (see GET /v1/webhooks/event-types for the list)."
        )
    if owner.is_staff:
        return
    beyond = [
        p for p in patterns if not any(matches([p], s) and reachable(owner, s) for s in subjects)
    ]
    if beyond:
        raise Unprocessable(
            f"{beyond} match no event a {owner.role} token can receive"
            " (see GET /v1/webhooks/event-types for the list)."
        )


def event_types(owner: Owner, subjects: Iterable[str]) -> list[str]:
    """Those of ``subjects`` an event of which could ever reach ``owner``."""
    return [s for s in sorted(subjects) if reachable(owner, s)]
