"""Request and response models of feedback's HTTP API (separate from the tables)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any, Literal

from pydantic import AwareDatetime, BaseModel, Field

from aftersales.http.models import RequestModel
from feedback.domain.callbacks import CallbackOutcome, CallbackReason, VisitConfirmed
from feedback.domain.complaints import ComplaintCategory
from feedback.domain.receptions import Arrangement, every_arrangement
from feedback.domain.staff import StaffRole

VISIT_CONFIRMED = (
    "whether the customer confirmed that someone came: yes, no (a job's callback only: opens a "
    "quality complaint against the point and counts on its scorecard; billing holds the job's "
    "charge), not_asked (the default; not on an audit job's reached callback, nor anything "
    "else on an attempt that did not reach the customer)"
)


class CallbackResultIn(RequestModel):
    reached: bool
    outcome: CallbackOutcome | None = None
    score: int | None = Field(default=None, ge=1, le=5)
    comment: str | None = Field(default=None, max_length=2000)
    visit_confirmed: VisitConfirmed = Field(default="not_asked", description=VISIT_CONFIRMED)


class AttemptOut(BaseModel):
    reached: bool
    note: str | None
    by: str
    at: datetime


class CallbackOut(BaseModel):
    id: uuid.UUID
    job_id: uuid.UUID | None = Field(description="null: a callback with no visit behind it")
    reason: CallbackReason = Field(
        description="job; resolved_remotely (solved on the phone); complaint_resolved (the "
        "satisfaction call after a complaint's resolution: any outcome but satisfied reopens "
        "it); refunded, replaced (recorded, reopening nothing)"
    )
    complaint_id: uuid.UUID | None = Field(description="the complaint a satisfaction call follows")
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
    visit_confirmed: VisitConfirmed = Field(default="not_asked", description=VISIT_CONFIRMED)
    audit: bool = Field(
        default=False,
        description="drawn for the audit sample: the callback must ask whether someone came, "
        "and the queue lists it first while it is due",
    )
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
    category: ComplaintCategory = Field(
        default="conduct",
        description="conduct (words, behaviour, attitude, manner: substantiated, a strike on "
        "the person named), quality, delay or other (substantiated, they grade the point only)",
    )
    staff_id: uuid.UUID | None = Field(
        default=None,
        description="a service person of the staff register (GET /v1/staff): an agent, host, "
        "sales-service staff member or technician; 422 when not registered",
    )
    reception_id: uuid.UUID | None = Field(
        default=None,
        description="a complaint about a reception (POST /v1/receptions), on a complaint ticket "
        "of the visiting customer: it names the reception's host; substantiated, it fines the "
        "host FEEDBACK_RECEPTION_PENALTY (422 for another customer's ticket or another person)",
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
    staff_id: uuid.UUID | None = Field(
        default=None, description="the staff member it was about, as checked (the register's)"
    )
    category: ComplaintCategory | None = Field(
        default=None, description="what it was about, as checked; omitted: as opened"
    )


class ComplaintOut(BaseModel):
    id: uuid.UUID
    ticket_id: uuid.UUID
    point_id: uuid.UUID | None
    technician_id: uuid.UUID | None
    staff_id: uuid.UUID | None = Field(description="the staff member it is about (any role)")
    reception_id: uuid.UUID | None = Field(
        default=None, description="the reception it is about (its host is ``staff_id``)"
    )
    category: ComplaintCategory
    callback_id: uuid.UUID | None = Field(description="the callback whose outcome opened it")
    reopen_count: int = Field(description="reopened by its satisfaction call, with fresh clocks")
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
    window_days: int | None = Field(
        default=None, description="the window it was counted in (null: for life)"
    )
    at: datetime


class DisciplineOut(BaseModel):
    technician_id: uuid.UUID
    window_days: int | None = Field(description="null: strikes count for life")
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
    answers: str = Field(
        description="the centre's answers, volumes and phone solutions for the month: intake "
        "owns those clocks and reports them at this address",
        examples=["/v1/reports/centre?month=2026-11"],
    )


class GradingOut(BaseModel):
    month: str
    published: int
    unchanged: int
    message: str
    grades: list[dict[str, Any]]
    rewarded: int = Field(description="staff rewards decided by this run (GET /v1/staff-rewards)")


class StaffIn(RequestModel):
    role: Literal["agent", "host", "sales_service"] = Field(
        description="technicians come from dispatch (feedback hears of every one it books)"
    )
    name: str = Field(min_length=1, max_length=200)
    point_id: uuid.UUID | None = Field(
        default=None, description="the point the member works at (none: the centre)"
    )
    subject: str | None = Field(
        default=None,
        min_length=1,
        max_length=200,
        description="the token subject the member signs in with: an agent's callbacks are "
        "their jobs by it",
    )


class StaffOut(BaseModel):
    id: uuid.UUID
    role: StaffRole
    name: str | None
    point_id: uuid.UUID | None
    subject: str | None
    source: Literal["dispatch", "admin"]
    active: bool
    version: int
    created_at: datetime


class FineOut(BaseModel):
    id: uuid.UUID
    complaint_id: uuid.UUID
    reception_id: uuid.UUID | None
    reason: str
    amount: int = Field(description="minor units (fen)")
    currency: str
    month: str
    decided_at: datetime


class StaffDetail(StaffOut):
    window_days: int | None = Field(description="null: strikes count for life")
    strikes_in_window: int
    current_action: str | None
    dismissed: bool
    strikes: list[StrikeOut]
    fines: list[FineOut] = Field(
        default_factory=list, description="money penalties (a reception complaint's)"
    )


class RewardOut(BaseModel):
    id: uuid.UUID
    staff_id: uuid.UUID
    role: StaffRole
    point_id: uuid.UUID | None
    month: str
    amount: int = Field(description="minor units (fen)")
    currency: str
    jobs: int
    reached: int
    satisfied: int
    reason: str
    decided_at: datetime


class RewardList(BaseModel):
    month: str
    items: list[RewardOut]


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
    purpose: Literal["care", "usage_tracking"] = Field(
        description="care (a key customer's planned visits) or usage_tracking (a direct "
        "customer's, made when feedback first learns the customer is direct)"
    )
    cadence_months: int
    staff: str
    next_due_on: date
    due: bool
    late: bool = Field(
        description="its next visit's day has passed (feedback.visit.overdue.v1 is published "
        "once for it)"
    )
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
    technicians: list[dict[str, Any]] = Field(
        description="per technician: the work, the six outcomes, the month's strikes and reward"
    )
    points: list[dict[str, Any]]
    staff: list[dict[str, Any]] = Field(
        default_factory=list,
        description="the centre's agents, hosts and sales-service staff (and technicians with "
        "no job this month but a strike or reward): outcomes, strikes, reward",
    )


class ReceptionIn(RequestModel):
    customer_id: uuid.UUID = Field(
        description="intake's customer (accepted before feedback hears of them)"
    )
    host_staff_id: uuid.UUID = Field(description="the host, on the staff register (GET /v1/staff)")
    arrives_at: AwareDatetime
    departs_at: AwareDatetime = Field(description="after arrives_at")
    arrangements: list[Arrangement] = Field(
        default_factory=every_arrangement,
        description="what the host arranges",
    )
    notes: str | None = Field(default=None, max_length=2000)


class ReceptionOut(BaseModel):
    id: uuid.UUID
    customer_id: uuid.UUID
    customer_name: str | None = Field(description="null until a ticket of theirs reaches feedback")
    host_staff_id: uuid.UUID
    host_name: str | None
    arrives_at: datetime
    departs_at: datetime
    arrangements: list[str]
    notes: str | None
    created_by: str
    created_at: datetime
