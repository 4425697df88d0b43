"""The field API: a technician's day and a phone's batch of queued reports."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from aftersales.http.models import RequestModel
from dispatch.api.schemas.jobs import JobOut
from dispatch.api.schemas.reports import StatusReportIn
from dispatch.api.schemas.workshop import RepairCardOut


class BatchReportIn(StatusReportIn):
    """One queued report of a batch: the single report's fields, its job and its key."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "job_id": "9c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5",
                    "idempotency_key": "phone-17-0003",
                    "status": "resolved_on_site",
                    "at": "2026-12-04T10:40:00+08:00",
                    "labor_minutes": 45,
                    "signature": {"reference": "app://signatures/7f3a"},
                }
            ]
        }
    )

    job_id: uuid.UUID
    idempotency_key: str = Field(
        min_length=1,
        max_length=255,
        pattern=r"^[\x21-\x7e]([\x20-\x7e]*[\x21-\x7e])?$",
        description="the key the report was (or would have been) sent alone with",
    )


class StatusBatchIn(RequestModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "reports": [
                        {
                            "job_id": "9c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5",
                            "idempotency_key": "phone-17-0001",
                            "status": "en_route",
                            "at": "2026-12-04T09:05:00+08:00",
                        },
                        {
                            "job_id": "9c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5",
                            "idempotency_key": "phone-17-0002",
                            "status": "on_site",
                            "at": "2026-12-04T09:40:00+08:00",
                            "travel_km": 6,
                        },
                    ]
                }
            ]
        }
    )

    reports: list[BatchReportIn] = Field(min_length=1, max_length=100)


class BatchResult(BaseModel):
    job_id: uuid.UUID
    idempotency_key: str
    outcome: Literal["applied", "already_applied", "refused"]
    problem: dict[str, Any] | None = None


class StatusBatchOut(BaseModel):
    results: list[BatchResult]


class PreviousVisit(BaseModel):
    job_id: uuid.UUID
    visit_number: int
    status: str
    technician_id: uuid.UUID | None
    completed_at: datetime | None
    resolution: str | None
    outcome: str | None
    cause_code: str | None


class MyJobOut(BaseModel):
    job: JobOut
    previous_visits: list[PreviousVisit]
    repair_card: RepairCardOut | None


class MyDayOut(BaseModel):
    technician_id: uuid.UUID
    date: date
    items: list[MyJobOut]
