"""Events published by feedback on the FEEDBACK stream."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import ClassVar, Literal

from aftersales.events.base import EventData, Money, Open

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
VisitConfirmed = Open[Literal["yes", "no", "not_asked"]]
Grade = Open[Literal["A", "B", "C", "D"]]
# What a complaint is about: only a substantiated ``conduct`` complaint (words, behaviour,
# attitude, manner) is a strike against the person named.
ComplaintCategory = Open[Literal["conduct", "quality", "delay", "other"]]
StaffRole = Open[Literal["technician", "agent", "host", "sales_service"]]
# Why a callback was made: a completed job, a request solved on the phone, a resolved
# complaint (its satisfaction call), a refund or a replacement (recorded, never reopening).
CallbackReason = Open[
    Literal["job", "resolved_remotely", "complaint_resolved", "refunded", "replaced"]
]


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
    category: ComplaintCategory = "conduct"
    # The staff member named (any service person in feedback's register).
    staff_id: uuid.UUID | None = None
    # The callback whose outcome opened it, if one did.
    callback_id: uuid.UUID | None = None


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
    category: ComplaintCategory = "conduct"
    staff_id: uuid.UUID | None = None


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
    # Why the callback was made (None from a producer before this field): a
    # ``complaint_resolved`` one satisfied ends its complaint ticket, any other outcome reopens
    # the complaint (``complaint_id``) in feedback; ``refunded``/``replaced`` reopen nothing.
    reason: CallbackReason | None = None
    complaint_id: uuid.UUID | None = None
    # Whether the customer confirmed someone came: ``no`` holds the job's charge in billing
    # and opens a quality complaint against the point. ``audit``: the job was drawn for the
    # audit sample, so the callback had to ask.
    visit_confirmed: VisitConfirmed = "not_asked"
    audit: bool = False


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
    reason: CallbackReason | None = None
    complaint_id: uuid.UUID | None = None


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
    # The month's reached callbacks by outcome (the six of docs/domain.md).
    outcomes: dict[str, int] | None = None
    # No reached callback this month: ``grade`` is the one kept (the previous, or the
    # configured starting grade).
    ungraded: bool = False


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


class StaffDisciplined(EventData):
    """A substantiated conduct complaint made a strike against a staff member of any role
    (a technician's is also ``feedback.technician.disciplined.v1``)."""

    SUBJECT: ClassVar[str] = "feedback.staff.disciplined.v1"
    AGGREGATE: ClassVar[str] = "staff"

    staff_id: uuid.UUID
    role: StaffRole
    point_id: uuid.UUID | None = None
    technician_id: uuid.UUID | None = None
    complaint_id: uuid.UUID
    strike: int
    action: Open[Literal["warning", "penalty", "dismissal"]]
    decided_at: datetime


class StaffRewarded(EventData):
    """A staff member met the month's standard (no substantiated complaint, enough satisfied
    outcomes on enough jobs): billing pays a partner's technician through the point's
    settlement, as a line of its own."""

    SUBJECT: ClassVar[str] = "feedback.staff.rewarded.v1"
    AGGREGATE: ClassVar[str] = "staff"

    reward_id: uuid.UUID
    staff_id: uuid.UUID
    role: StaffRole
    point_id: uuid.UUID | None = None
    technician_id: uuid.UUID | None = None
    month: str
    amount: Money
    reason: str
    decided_at: datetime


class VisitOverdue(EventData):
    """A care plan's planned visit (clause 8: twice a year by senior staff, monthly by ordinary
    staff; a direct customer's usage tracking) was not made by its day. Published once per plan
    and due day, by whichever replica notices first."""

    SUBJECT: ClassVar[str] = "feedback.visit.overdue.v1"
    AGGREGATE: ClassVar[str] = "care_plan"

    plan_id: uuid.UUID
    customer_id: uuid.UUID
    purpose: Open[Literal["care", "usage_tracking"]] = "care"
    level: Open[Literal["senior", "ordinary"]]
    staff: str
    due_on: date
    noticed_at: datetime


class StaffFined(EventData):
    """A money penalty on a staff member, once per complaint: a substantiated complaint about a
    reception (clause 7) fines its host the configured amount (``FEEDBACK_RECEPTION_PENALTY``),
    whether or not it is also a strike."""

    SUBJECT: ClassVar[str] = "feedback.staff.fined.v1"
    AGGREGATE: ClassVar[str] = "staff"

    fine_id: uuid.UUID
    staff_id: uuid.UUID
    role: StaffRole
    point_id: uuid.UUID | None = None
    complaint_id: uuid.UUID
    reception_id: uuid.UUID | None = None
    reason: Open[Literal["reception"]] = "reception"
    amount: Money
    decided_at: datetime
