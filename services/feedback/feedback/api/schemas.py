"""Request and response models of feedback's HTTP API (separate from the tables)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any, Literal

from pydantic import BaseModel, Field

from aftersales.http.models import RequestModel
from feedback.domain.callbacks import CallbackOutcome


class CallbackResultIn(RequestModel):
    reached: bool
    outcome: CallbackOutcome | None = None
    score: int | None = Field(default=None, ge=1, le=5)
    comment: str | None = Field(default=None, max_length=2000)


class AttemptOut(BaseModel):
    reached: bool
    note: str | None
    by: str
    at: datetime


class CallbackOut(BaseModel):
    id: uuid.UUID
    job_id: uuid.UUID | None = Field(description="null: a callback after a phone solution")
    ticket_id: uuid.UUID
    point_id: uuid.UUID | None
    technician_id: uuid.UUID | None
    visit_number: int
    completed_at: datetime
    due_at: datetime
    overdue: bool
    status: Literal["due", "done", "unreachable", "withdrawn"]
    attempts: int
    reached: bool | None
    outcome: CallbackOutcome | None
    score: int | None
    comment: str | None
    recorded_at: datetime | None
    contact: dict[str, Any] | None = Field(description="whom to call, when intake told us")
    version: int
    updated_at: datetime


class CallbackDetail(CallbackOut):
    attempt_log: list[AttemptOut]


ATTRIBUTION_REASON = (
    "the centre's reason for naming a point or technician that was not offered, assigned or "
    "sent to any of the ticket's jobs (agents and admins only; audited)"
)


class ComplaintIn(RequestModel):
    ticket_id: uuid.UUID
    text: str = Field(min_length=1, max_length=5000)
    technician_id: uuid.UUID | None = Field(
        default=None,
        description="a technician assigned to or sent on one of the ticket's jobs",
    )
    point_id: uuid.UUID | None = Field(
        default=None,
        description="a point offered or assigned one of the ticket's jobs; with neither named, "
        "the complaint is about the ticket's latest visit",
    )
    attribution_reason: str | None = Field(
        default=None, min_length=1, max_length=2000, description=ATTRIBUTION_REASON
    )


class ReplyIn(RequestModel):
    text: str = Field(min_length=1, max_length=5000)


class ResolveIn(RequestModel):
    substantiated: bool
    resolution: str = Field(default="", max_length=5000)
    technician_id: uuid.UUID | None = None
    point_id: uuid.UUID | None = None
    attribution_reason: str | None = Field(
        default=None, min_length=1, max_length=2000, description=ATTRIBUTION_REASON
    )


class ComplaintOut(BaseModel):
    id: uuid.UUID
    ticket_id: uuid.UUID
    point_id: uuid.UUID | None
    technician_id: uuid.UUID | None
    source: str
    text: str
    status: Literal["open", "replied", "resolved"]
    opened_at: datetime
    reply_by: datetime
    resolve_by: datetime
    reply: str | None
    replied_at: datetime | None
    resolution: str | None
    substantiated: bool | None
    resolved_at: datetime | None
    counted_month: str | None = Field(
        description="the month whose scorecards count it: set once substantiated (its own "
        "month, or the next one not yet graded when its own was graded already)"
    )
    attribution_reason: str | None = Field(
        description="why the centre named someone who did not serve the ticket (staff only)"
    )
    reply_overdue: bool
    resolve_overdue: bool
    version: int
    updated_at: datetime


class StrikeOut(BaseModel):
    complaint_id: uuid.UUID
    strike: int
    action: str
    at: datetime


class DisciplineOut(BaseModel):
    technician_id: uuid.UUID
    window_days: int
    strikes_in_window: int
    current_action: str | None
    dismissed: bool
    strikes: list[StrikeOut]


class Scorecards(BaseModel):
    month: str
    items: list[dict[str, Any]]


class CentreScorecard(BaseModel):
    month: str
    callbacks: int = Field(description="callbacks of jobs completed in the month")
    done: int
    done_in_time: int = Field(description="done or given up as unreachable by the due time")
    overdue: int = Field(description="not done by the due time (the centre's miss)")
    unreachable: int
    still_due: int
    complaints: int = Field(description="complaints opened in the month")
    replies_late: int
    resolutions_late: int
    callback_on_time_rate: float | None


class GradingOut(BaseModel):
    month: str
    published: int
    unchanged: int
    message: str
    grades: list[dict[str, Any]]


class CarePlanIn(RequestModel):
    customer_id: uuid.UUID
    customer_name: str = Field(min_length=1, max_length=200)
    level: Literal["senior", "ordinary"] = Field(
        description="senior staff visit every six months, ordinary staff every month"
    )
    staff: str = Field(min_length=1, max_length=200)
    first_visit_on: date


class CareVisitIn(RequestModel):
    visited_on: date
    staff: str = Field(min_length=1, max_length=200)
    notes: str | None = Field(default=None, max_length=5000)


class CareVisitOut(BaseModel):
    visited_on: date
    staff: str
    notes: str | None


class CarePlanOut(BaseModel):
    id: uuid.UUID
    customer_id: uuid.UUID
    customer_name: str
    level: str
    cadence_months: int
    staff: str
    next_due_on: date
    due: bool
    visits: list[CareVisitOut] = Field(default_factory=list)
    version: int


class QualityReport(BaseModel):
    months: list[str]
    models: list[dict[str, Any]]
    faults: list[dict[str, Any]] = Field(
        description="jobs by model, batch (serial prefix), fault codes and outcome"
    )
    parts: list[dict[str, Any]]
    comments: list[dict[str, Any]]


class WorkReport(BaseModel):
    month: str
    technicians: list[dict[str, Any]]
    points: list[dict[str, Any]]
