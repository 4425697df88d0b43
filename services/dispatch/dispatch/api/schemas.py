from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import BaseModel

from dispatch.domain.jobs import JobStatus


class JobOut(BaseModel):
    id: uuid.UUID
    ticket_id: uuid.UUID
    ticket_number: str
    kind: str
    region: str
    category: str
    status: JobStatus
    status_reason: str | None
    point_id: uuid.UUID | None
    technician_id: uuid.UUID | None
    visit_number: int
    version: int
    created_at: datetime
    updated_at: datetime
