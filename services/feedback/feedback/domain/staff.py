"""The staff register: every service person clause 15 disciplines and clause 1 rewards.

Technicians come from dispatch (feedback projects them from the jobs it hears of); the centre's
agents, reception hosts and sales-service staff are registered by an admin."""

from __future__ import annotations

from typing import Literal

StaffRole = Literal["technician", "agent", "host", "sales_service"]
ROLES: tuple[str, ...] = ("technician", "agent", "host", "sales_service")
REGISTERED_BY_ADMIN: tuple[str, ...] = ("agent", "host", "sales_service")


def actor_for(role: str, subject: str | None) -> str | None:
    """How the audit trail and the callbacks name a staff member who signs in with the token
    subject ``subject`` (an agent recording callbacks is ``agent:<subject>``)."""
    return f"{role}:{subject}" if subject else None
