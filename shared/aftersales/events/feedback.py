"""Events published by feedback on the FEEDBACK stream."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import ClassVar, Literal

from aftersales.events.base import EventData, Open

CallbackOutcome = Open[
    Literal[
        "satisfied",
        "unsatisfied",
        "complaint",
        "not_fixed_first_visit",
        "not_fixed_repeat",
        "bad_attitude",
    ]
]
Grade = Open[Literal["A", "B", "C", "D"]]


class ComplaintOpened(EventData):
    SUBJECT: ClassVar[str] = "feedback.complaint.opened.v1"
    AGGREGATE: ClassVar[str] = "complaint"

    complaint_id: uuid.UUID
    ticket_id: uuid.UUID
    point_id: uuid.UUID | None = None
    technician_id: uuid.UUID | None = None
    reply_by: datetime
    resolve_by: datetime
    opened_at: datetime


class ComplaintReplied(EventData):
    """The customer has the complaint's first answer (its 24 h clock is met, or late)."""

    SUBJECT: ClassVar[str] = "feedback.complaint.replied.v1"
    AGGREGATE: ClassVar[str] = "complaint"

    complaint_id: uuid.UUID
    ticket_id: uuid.UUID
    replied_at: datetime
    in_time: bool


class ComplaintResolved(EventData):
    """A complaint's resolution; a substantiated one counts against the point (and technician)."""

    SUBJECT: ClassVar[str] = "feedback.complaint.resolved.v1"
    AGGREGATE: ClassVar[str] = "complaint"

    complaint_id: uuid.UUID
    ticket_id: uuid.UUID
    point_id: uuid.UUID | None = None
    technician_id: uuid.UUID | None = None
    substantiated: bool
    resolution: str
    resolved_at: datetime


class ComplaintOverdue(EventData):
    """A complaint missed its reply (24 h) or resolution (30 days) deadline."""

    SUBJECT: ClassVar[str] = "feedback.complaint.overdue.v1"
    AGGREGATE: ClassVar[str] = "complaint"

    complaint_id: uuid.UUID
    ticket_id: uuid.UUID
    point_id: uuid.UUID | None = None
    deadline: Open[Literal["reply", "resolve"]]
    due_at: datetime
    noticed_at: datetime


class CallbackRecorded(EventData):
    """A callback attempt: reached or not, and what the customer said. ``job_id`` is null for
    the callback after a request solved on the phone."""

    SUBJECT: ClassVar[str] = "feedback.callback.recorded.v2"
    AGGREGATE: ClassVar[str] = "callback"

    callback_id: uuid.UUID
    ticket_id: uuid.UUID
    job_id: uuid.UUID | None = None
    point_id: uuid.UUID | None = None
    technician_id: uuid.UUID | None = None
    reached: bool
    outcome: CallbackOutcome | None = None
    score: int | None = None
    recorded_at: datetime


class CallbackUnreachable(EventData):
    """Every attempt to reach the customer failed: reported, never silently closed. ``job_id``
    is null for a request solved on the phone."""

    SUBJECT: ClassVar[str] = "feedback.callback.unreachable.v2"
    AGGREGATE: ClassVar[str] = "callback"

    callback_id: uuid.UUID
    ticket_id: uuid.UUID
    job_id: uuid.UUID | None = None
    point_id: uuid.UUID | None = None
    attempts: int
    given_up_at: datetime


class CallbackOverdue(EventData):
    """A callback was not done by its due time: the information centre's miss, not the point's."""

    SUBJECT: ClassVar[str] = "feedback.callback.overdue.v1"
    AGGREGATE: ClassVar[str] = "callback"

    callback_id: uuid.UUID
    ticket_id: uuid.UUID
    job_id: uuid.UUID | None = None
    point_id: uuid.UUID | None = None
    due_at: datetime
    noticed_at: datetime


class PointGraded(EventData):
    SUBJECT: ClassVar[str] = "feedback.point.graded.v1"
    AGGREGATE: ClassVar[str] = "point"

    point_id: uuid.UUID
    month: str
    grade: Grade
    satisfaction_rate: float | None = None
    first_visit_fix_rate: float | None = None
    complaints_per_100_jobs: float | None = None
    sla_compliance: float | None = None
    graded_at: datetime


class TechnicianDisciplined(EventData):
    SUBJECT: ClassVar[str] = "feedback.technician.disciplined.v1"
    AGGREGATE: ClassVar[str] = "technician"

    technician_id: uuid.UUID
    point_id: uuid.UUID | None = None
    complaint_id: uuid.UUID
    strike: int
    action: Open[Literal["warning", "penalty", "dismissal"]]
    decided_at: datetime


class GradingCompleted(EventData):
    """A grading run of a month is over (after its ``feedback.point.graded.v1``, if any): billing
    may close the month."""

    SUBJECT: ClassVar[str] = "feedback.grading.completed.v1"
    AGGREGATE: ClassVar[str] = "month"

    month: str
    points_graded: int
    points_unchanged: int
    completed_at: datetime
