"""Where a rework job goes after an unhappy callback (``intake.ticket.reopened.v1``)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ReworkPlan:
    same_point: bool
    avoid_previous_technician: bool

    @property
    def avoid_previous_point(self) -> bool:
        return not self.same_point


def plan_rework(reason: str) -> ReworkPlan:
    """Same point by default; another technician after bad attitude; another point when
    several visits have not fixed it."""
    if reason == "not_fixed_repeat":
        return ReworkPlan(same_point=False, avoid_previous_technician=False)
    if reason == "bad_attitude":
        return ReworkPlan(same_point=True, avoid_previous_technician=True)
    return ReworkPlan(same_point=True, avoid_previous_technician=False)
