"""Who may see what in feedback: agents and admins everything; a point reads only its own
callbacks and scorecards; a crm opens complaints and reads those of its own tickets."""

from __future__ import annotations

import uuid

from aftersales.auth import Principal, require_roles
from feedback.adapters.repositories.scope import Scope

NOBODY = uuid.UUID(int=0)

Admin = require_roles("admin")
Centre = require_roles("admin", "agent")
# finance reads grades and scorecards: they set what the points are paid
ScorecardReaders = require_roles("admin", "finance", "agent", "point")
CentreOrPoint = require_roles("admin", "agent", "point")
ComplaintDesk = require_roles("admin", "agent", "crm")


def scope_of(principal: Principal) -> Scope:
    if principal.role == "point":
        return Scope(point_id=principal.point_id or NOBODY)
    if principal.role == "crm":
        return Scope(tenant_id=principal.tenant_id)
    return Scope()


def actor_of(principal: Principal) -> str:
    return principal.actor
