"""The customer callback (回访) that alone closes a request, and its six outcomes
(docs/domain.md)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Literal

from aftersales.errors import Conflict, Unprocessable

__all__ = [
    "CallbackOutcome",
    "CallbackReason",
    "VisitConfirmed",
    "check_result",
    "complaint_text",
    "due_at",
    "opens_complaint",
]

# The six outcomes of section 4.2.3.
CallbackOutcome = Literal[
    "satisfied",
    "unsatisfied",
    "complaint",
    "not_fixed_first_visit",
    "not_fixed_repeat",
    "bad_attitude",
]

NOT_FIXED = frozenset({"not_fixed_first_visit", "not_fixed_repeat"})
OUTCOMES: tuple[str, ...] = (
    "satisfied",
    "unsatisfied",
    "complaint",
    "not_fixed_first_visit",
    "not_fixed_repeat",
    "bad_attitude",
)

# Why a callback is made: a completed job; a request solved on the phone; a resolved
# complaint (the satisfaction call: any outcome but satisfied reopens the complaint); a
# refund or a replacement (the outcome is recorded, and reopens nothing: the product is gone).
CallbackReason = Literal["job", "resolved_remotely", "complaint_resolved", "refunded", "replaced"]
NO_JOB_REASONS = frozenset({"resolved_remotely", "complaint_resolved", "refunded", "replaced"})

# Whether the customer confirmed that someone came: asked on an audit job's callback, and
# whenever the agent asks. ``no`` opens a quality complaint against the point and counts on its
# scorecard (billing holds the job's charge on the event).
VisitConfirmed = Literal["yes", "no", "not_asked"]


def opens_complaint(
    outcome: str | None, reason: str, visit_confirmed: str = "not_asked"
) -> str | None:
    """The category of the complaint a reached callback opens for checking, if any (one per
    callback): a customer who says no one came opens a ``quality`` complaint against the point,
    whatever the outcome; ``bad_attitude`` is about conduct, and so is a ``complaint`` until the
    centre, checking it, says it was about something else: a complaint's category defaults to
    conduct, so that a substantiated complaint is still a strike for an integrator who never
    names one. A complaint's own satisfaction call opens none: its outcome reopens that
    complaint instead."""
    if reason == "complaint_resolved":
        return None
    if visit_confirmed == "no":
        return "quality"
    if outcome == "bad_attitude":
        return "conduct"
    if outcome == "complaint":
        return "conduct"
    return None


def complaint_text(outcome: str | None, visit_confirmed: str, comment: str | None) -> str:
    """What the complaint a callback opens says: the agent's note, or what the customer said."""
    if comment:
        return comment
    if visit_confirmed == "no":
        return f"The customer says no one came (callback outcome {outcome})."
    return f"{outcome} on the callback"


def reopens_complaint(outcome: str | None, reason: str) -> bool:
    """A satisfaction call after a complaint was resolved: anything but satisfied reopens it."""
    return reason == "complaint_resolved" and outcome is not None and outcome != "satisfied"


def due_at(completed_at: datetime, within: timedelta) -> datetime:
    return completed_at + within


def check_open(status: str) -> None:
    if status != "due":
        raise Conflict(
            f"This callback is {status} already; nothing more can be recorded.",
            callback_status=status,
        )


def check_result(
    *,
    reached: bool,
    outcome: str | None,
    score: int | None,
    visit_number: int,
    reason: str = "job",
    visit_confirmed: str = "not_asked",
    has_job: bool = True,
    audit: bool = False,
) -> None:
    """An outcome only when the customer was reached; ``not_fixed_first_visit`` only for a first
    visit and ``not_fixed_repeat`` only for a later one; neither after no visit at all. Whether
    someone came is asked of a reached customer only, ``no`` only about a job, and an audit
    job's callback must ask it."""
    if not reached:
        if outcome is not None or score is not None:
            raise Unprocessable("A customer not reached gives no outcome and no score.")
        if visit_confirmed != "not_asked":
            raise Unprocessable(
                "A customer not reached confirms nothing: visit_confirmed is not_asked on an "
                "attempt that did not reach them.",
                visit_confirmed=visit_confirmed,
            )
        return
    if outcome is None:
        raise Unprocessable("A reached customer's callback needs an outcome.")
    if visit_confirmed == "no" and not has_job:
        raise Unprocessable(
            f"This callback follows no visit (it is about a {reason.replace('_', ' ')} "
            "request): the customer cannot say that no one came.",
            visit_confirmed=visit_confirmed,
        )
    if audit and visit_confirmed == "not_asked":
        raise Unprocessable(
            "This job was drawn for the audit sample: ask the customer whether someone came "
            "and send visit_confirmed yes or no.",
            audit=True,
        )
    if visit_number == 0 and outcome in NOT_FIXED and reason != "resolved_remotely":
        raise Unprocessable(
            f"This callback follows no visit (it is about a {reason.replace('_', ' ')} request): "
            "the outcome cannot be not fixed; say unsatisfied.",
            visit_number=visit_number,
        )
    if visit_number == 0 and outcome in NOT_FIXED:
        raise Unprocessable(
            "This request was solved on the phone: there was no visit to be not fixed; "
            "the outcome is unsatisfied (a first visit follows).",
            visit_number=visit_number,
        )
    if outcome == "not_fixed_first_visit" and visit_number != 1:
        raise Unprocessable(
            f"This was visit {visit_number}: the outcome is not_fixed_repeat, not "
            "not_fixed_first_visit.",
            visit_number=visit_number,
        )
    if outcome == "not_fixed_repeat" and visit_number < 2:
        raise Unprocessable(
            "This was the first visit: the outcome is not_fixed_first_visit, not not_fixed_repeat.",
            visit_number=visit_number,
        )


def gives_up(attempts: int, max_attempts: int) -> bool:
    """After ``max_attempts`` failed calls the callback is ``unreachable`` (and reported)."""
    return attempts >= max_attempts
