"""Who may see what in dispatch (object level): a point only its own point, jobs and
technicians; a technician only the jobs assigned to it and itself; agents and admins all.
Anything outside a caller's scope is answered 404, as if it did not exist."""

from __future__ import annotations

import uuid

from aftersales.auth import Principal, require_roles
from dispatch.adapters.repositories.scope import Scope

NOBODY = uuid.UUID(int=0)  # a scoped token without its scope claim sees nothing

Admin = require_roles("admin")
Centre = require_roles("admin", "agent")
CentreOrPoint = require_roles("admin", "agent", "point")
Field = require_roles("admin", "agent", "point", "technician")
# The mobile app backend (``app``) reads every technician's jobs to serve the phones.
FieldReaders = require_roles("admin", "agent", "point", "technician", "app")


def scope_of(principal: Principal) -> Scope:
    if principal.role == "point":
        return Scope(point_id=principal.point_id or NOBODY)
    if principal.role == "technician":
        return Scope(technician_id=principal.technician_id or NOBODY)
    return Scope()


def confined(principal: Principal) -> bool:
    """A caller outside the network's staff: it sees no other point's routing data."""
    return principal.role in ("point", "technician", "app")


def actor_of(principal: Principal) -> str:
    return principal.actor
