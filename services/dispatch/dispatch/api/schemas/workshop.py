"""The workshop: a job's repair card and a point's product in/out register."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, Field

from dispatch.api.schemas.jobs import PartOut


class WorkshopLogEntry(BaseModel):
    receipt_no: str
    direction: Literal["in", "out"]
    at: datetime
    actor: str


class RepairCardOut(BaseModel):
    job_id: uuid.UUID
    receipt_no: str
    receipt_status: Literal["issued", "voided"]
    received_at: datetime
    repaired_at: datetime | None
    labor_minutes: int
    parts: list[PartOut]
    inspected_at: datetime | None
    inspected_by: str | None
    returned_at: datetime | None
    receipt_voided_at: datetime | None
    failed_inspections: list[dict[str, Any]] = Field(
        default_factory=list, description="each failed inspection: at, by, reason"
    )
    symptom_code: str | None = None
    cause_code: str | None = None
    action_code: str | None = None
    outcome: str | None = None
    log: list[WorkshopLogEntry]


class WorkshopItem(BaseModel):
    job_id: uuid.UUID
    ticket_number: str
    receipt_no: str
    model: str | None
    serial_no: str | None
    status: Literal["in", "out"]
    received_at: datetime
    returned_at: datetime | None
    age_days: int = Field(description="days in the workshop (until returned, or until now)")
    failed_inspections: int
    inspected_at: datetime | None = Field(
        default=None, description="when the repair passed its inspection"
    )
    inspected_by: str | None = Field(
        default=None, description="who signed the inspection off: the point, or an admin"
    )


class WorkshopRegister(BaseModel):
    point_id: uuid.UUID
    items: list[WorkshopItem]
