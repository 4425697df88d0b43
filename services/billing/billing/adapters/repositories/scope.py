"""What a caller may see: a point its own charges and settlements, a technician its jobs'
charges."""

from __future__ import annotations

import uuid
from dataclasses import dataclass


@dataclass(frozen=True)
class Scope:
    """A point reads only its own charges and settlements; a technician only its jobs' charges."""

    point_id: uuid.UUID | None = None
    technician_id: uuid.UUID | None = None

    def allows(self, point_id: uuid.UUID | None, technician_id: uuid.UUID | None) -> bool:
        if self.point_id is not None and point_id != self.point_id:
            return False
        return not (self.technician_id is not None and technician_id != self.technician_id)
