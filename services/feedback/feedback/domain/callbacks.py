"""The customer callback (回访) that alone closes a request, and its six outcomes
(docs/domain.md)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Literal

from aftersales.errors import Conflict, Unprocessable

__all__ = ["CallbackOutcome", "check_result", "due_at"]

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


def due_at(completed_at: datetime, within: timedelta) -> datetime:
    return completed_at + within


def check_open(status: str) -> None:
    if status != "due":
        raise Conflict(
            f"This callback is {status} already; nothing more can be recorded.",
            callback_status=status,
        )


def check_result(
    *, reached: bool, outcome: str | None, score: int | None, visit_number: int
) -> None:
    """An outcome only when the customer was reached; ``not_fixed_first_visit`` only for a first
    visit and ``not_fixed_repeat`` only for a later one."""
    if not reached:
        if outcome is not None or score is not None:
            raise Unprocessable("A customer not reached gives no outcome and no score.")
        return
    if outcome is None:
        raise Unprocessable("A reached customer's callback needs an outcome.")
    if visit_number == 0 and outcome in ("not_fixed_first_visit", "not_fixed_repeat"):
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
