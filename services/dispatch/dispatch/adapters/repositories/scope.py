"""What a caller may see: a point its own, a technician its own jobs."""

from __future__ import annotations

import uuid
from dataclasses import dataclass


@dataclass(frozen=True)
class Scope:
    """What a caller may see: a point only its own, a technician only its own jobs."""

    point_id: uuid.UUID | None = None
    technician_id: uuid.UUID | None = None
