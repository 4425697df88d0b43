"""Who may see what in intake: a crm integration sees only its own tenant's data."""

from __future__ import annotations

from aftersales.auth import Principal, require_roles

# point and technician tokens have no business in the call register.
Staff = require_roles("admin", "agent", "crm")


def tenant_of(principal: Principal) -> str | None:
    """The tenant a caller is confined to; None for the information centre's own staff."""
    if principal.role == "crm":
        return principal.tenant_id
    return None


def actor_of(principal: Principal) -> str:
    return principal.actor


# The information centre's own reports: its staff and admins.
Centre = require_roles("admin", "agent")
