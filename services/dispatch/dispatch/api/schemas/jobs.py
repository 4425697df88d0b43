"""Jobs and the commands on them (route, reject, assign, pause), their offers, history and
SLA clocks."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any, Literal

from pydantic import AwareDatetime, BaseModel, Field

from aftersales.http.models import RequestModel
from dispatch.api.schemas.board import NextClockOut
from dispatch.domain.jobs import JobStatus
from dispatch.domain.scheduling import RescheduleReason


class WindowIn(RequestModel):
    start: AwareDatetime
    end: AwareDatetime


class Appointment(BaseModel):
    start: datetime
    end: datetime


class RouteIn(RequestModel):
    point_id: uuid.UUID | None = Field(
        default=None, description="offer to this point; leave out to route automatically again"
    )
    note: str | None = Field(default=None, max_length=500)


class RejectIn(RequestModel):
    reason: str = Field(min_length=1, max_length=500)


class PauseIn(RequestModel):
    reason: Literal["awaiting_customer", "awaiting_parts", "other"]
    note: str | None = Field(default=None, max_length=1000)


class JobPause(BaseModel):
    reason: str
    since: datetime


class AssignIn(RequestModel):
    technician_id: uuid.UUID
    appointment: WindowIn
    reason_code: RescheduleReason | None = Field(
        default=None,
        description="why a visit moves (a reschedule): the customer is told the code's wording",
    )
    reason: str | None = Field(
        default=None,
        min_length=1,
        max_length=500,
        description="the point's own note on a reschedule: kept inside, never sent to the"
        " customer (a reschedule with a note and no reason_code is 'other')",
    )


class PartOut(BaseModel):
    sku: str
    qty: int


class JobOut(BaseModel):
    id: uuid.UUID
    ticket_id: uuid.UUID
    ticket_number: str
    kind: str
    region: str
    category: str
    description: str
    customer: dict[str, Any] = Field(
        description="who and where; to a point, technician or app only the district (region, "
        "city) until the point accepts the job"
    )
    product: dict[str, Any] | None = Field(
        description="the product to work on; null for a ticket without one (a sales training,"
        " a sample without a registered product): `category` and `topic` say what it is about"
    )
    topic: str | None = Field(default=None, description="what a training or sample is about")
    preferred_window: Appointment | None = Field(
        description="the customer's window: a booking lies inside it (but for a reschedule the"
        " customer asked for, which moves it)"
    )
    window_agreed: bool = Field(
        default=False, description="the window was agreed with the customer by the centre"
    )
    window_agreed_at: datetime | None = None
    status: JobStatus
    status_reason: str | None
    point_id: uuid.UUID | None
    technician_id: uuid.UUID | None
    visit_number: int
    previous_job_id: uuid.UUID | None
    rework_reason: str | None
    attempt: int
    offer_expires_at: datetime | None
    respond_by: datetime | None = Field(
        default=None, description="the visit is to be booked by then (until it is booked)"
    )
    complete_by: datetime | None = Field(
        default=None, description="the ticket's deadline to finish, if its kind has one"
    )
    next_clock: NextClockOut | None = Field(
        default=None,
        description="the clock that matters next (accept, respond, arrival, completion); null "
        "when the job ended, is paused (but for an offer's accept-by) or none runs",
    )
    routing: dict[str, Any] | None = Field(description="the candidates and why the winner won")
    appointment: Appointment | None
    service_date: date | None
    arrived_at: datetime | None
    arrived_late_minutes: int | None
    receipt_no: str | None
    resolution: str | None
    labor_minutes: int
    parts: list[PartOut]
    travel_km: int
    completed_at: datetime | None
    symptom_code: str | None = None
    cause_code: str | None = None
    action_code: str | None = None
    outcome: str | None = None
    pause: JobPause | None = Field(description="set while the job's SLA clocks are paused")
    version: int
    created_at: datetime
    updated_at: datetime


class OfferOut(BaseModel):
    point_id: uuid.UUID
    attempt: int
    offered_at: datetime
    expires_at: datetime
    outcome: str
    reason: str | None
    decided_at: datetime | None
    why: str | None = Field(description="why the point was chosen (the network's staff only)")


class HistoryEntry(BaseModel):
    action: str
    status: str
    previous_status: str | None
    at: datetime
    recorded_at: datetime
    actor: str
    note: str | None
    details: dict[str, Any] | None


class JobHistory(BaseModel):
    job_id: uuid.UUID
    offers: list[OfferOut]
    entries: list[HistoryEntry]


class SlaTimerOut(BaseModel):
    kind: str
    due_at: datetime
    state: str
    settled_at: datetime | None


class SlaTimers(BaseModel):
    job_id: uuid.UUID
    timers: list[SlaTimerOut]
