"""What a caller may see: a point only its own callbacks, a CRM only its tenant's complaints."""

from __future__ import annotations

import uuid
from dataclasses import dataclass


@dataclass(frozen=True)
class Scope:
    point_id: uuid.UUID | None = None
    tenant_id: str | None = None
