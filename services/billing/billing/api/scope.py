"""Who may see what in billing: a point reads only its own charges and settlements; a
technician only the charges of its own jobs (and records payments on them). Outside a caller's
scope an object does not exist (404)."""

from __future__ import annotations

import uuid

from aftersales.auth import Principal, require_roles
from billing.adapters.repositories.scope import Scope

NOBODY = uuid.UUID(int=0)

# finance (the cashier and the accounts) owns money; admin keeps every right finance has;
# agents read prices and contracts to answer callers and log their own admin work.
Finance = require_roles("admin", "finance")
Centre = require_roles("admin", "finance", "agent")
ChargeReaders = require_roles("admin", "finance", "agent", "point", "technician")
Collectors = require_roles("admin", "finance", "technician")
SettlementReaders = require_roles("admin", "finance", "point")


def scope_of(principal: Principal) -> Scope:
    if principal.role == "point":
        return Scope(point_id=principal.point_id or NOBODY)
    if principal.role == "technician":
        return Scope(technician_id=principal.technician_id or NOBODY)
    return Scope()


def actor_of(principal: Principal) -> str:
    return principal.actor
