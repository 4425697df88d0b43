"""Who may see what in billing: a point reads only its own charges and settlements; a
technician only the charges of its own jobs (and records payments on them). Outside a caller's
scope an object does not exist (404)."""

from __future__ import annotations

import uuid

from aftersales.auth import Principal, require_roles
from billing.adapters.repositories import Scope

NOBODY = uuid.UUID(int=0)

Centre = require_roles("admin", "agent")
ChargeReaders = require_roles("admin", "agent", "point", "technician")
Collectors = require_roles("admin", "agent", "technician")
SettlementReaders = require_roles("admin", "agent", "point")


def scope_of(principal: Principal) -> Scope:
    if principal.role == "point":
        return Scope(point_id=principal.point_id or NOBODY)
    if principal.role == "technician":
        return Scope(technician_id=principal.technician_id or NOBODY)
    return Scope()


def actor_of(principal: Principal) -> str:
    return principal.key
