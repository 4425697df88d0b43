"""Which network point gets a job, and why — pure, so every decision can be explained and tested.

A point qualifies when it serves the customer's region and the product's category, is active,
has an active technician skilled in the category (the repository filters those), has not
already declined or let this job's offer expire, and still has capacity on the service day.
Among those, the winner has the best grade (an ungraded point counts as B), then the lightest
load (booked share of the day's capacity, then booked jobs), then the lowest point code — so the
same inputs always give the same winner.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from dispatch.domain.points import grade_rank

EXPLAINED_CANDIDATES = 20


@dataclass(frozen=True)
class Candidate:
    point_id: uuid.UUID
    code: str
    grade: str | None
    capacity: int
    load: int

    @property
    def utilisation(self) -> Fraction:
        return Fraction(self.load, self.capacity) if self.capacity > 0 else Fraction(1)

    def sort_key(self) -> tuple[int, Fraction, int, str, str]:
        return (grade_rank(self.grade), self.utilisation, self.load, self.code, str(self.point_id))

    def describe(self) -> str:
        return f"{self.code} (grade {self.grade or 'none'}, {self.load}/{self.capacity} booked)"


@dataclass(frozen=True)
class Considered:
    point_id: uuid.UUID
    code: str
    grade: str | None
    capacity: int
    load: int
    outcome: str  # "chosen" | "eligible" | "full" | "declined before" | "excluded"


@dataclass(frozen=True)
class Decision:
    winner: Candidate | None
    why: str
    considered: tuple[Considered, ...]
    total_candidates: int
    # The winner's own reason, naming no other point: what a point, a CRM or the app may read.
    own_why: str | None = None

    def explanation(self, day: date) -> dict[str, object]:
        return {
            "service_date": day.isoformat(),
            "why": self.why,
            "total_candidates": self.total_candidates,
            "candidates": [
                {
                    "point_id": str(c.point_id),
                    "code": c.code,
                    "grade": c.grade,
                    "capacity": c.capacity,
                    "load": c.load,
                    "outcome": c.outcome,
                }
                for c in self.considered
            ],
        }


def _beat(winner: Candidate, runner_up: Candidate) -> str:
    if grade_rank(winner.grade) != grade_rank(runner_up.grade):
        return f"better grade than {runner_up.describe()}"
    if winner.utilisation != runner_up.utilisation or winner.load != runner_up.load:
        return f"lighter load than {runner_up.describe()}"
    return f"tied with {runner_up.describe()}; lower point code wins"


def choose(
    candidates: Sequence[Candidate],
    *,
    region: str,
    category: str,
    day: date,
    declined: Collection[uuid.UUID] = (),
    excluded: Collection[uuid.UUID] = (),
) -> Decision:
    """Rank the points that match the job's region and category and pick the first with room."""
    ranked = sorted(candidates, key=Candidate.sort_key)
    eligible: list[Candidate] = []
    considered: list[Considered] = []
    for c in ranked:
        if c.point_id in declined:
            outcome = "declined before"
        elif c.point_id in excluded:
            outcome = "excluded"
        elif c.load >= c.capacity:
            outcome = "full"
        else:
            outcome = "chosen" if not eligible else "eligible"
            eligible.append(c)
        considered.append(Considered(c.point_id, c.code, c.grade, c.capacity, c.load, outcome))
    shown = tuple(considered[:EXPLAINED_CANDIDATES])
    if not eligible:
        return Decision(
            None, _no_match(ranked, considered, region, category, day), shown, len(ranked)
        )
    winner = eligible[0]
    why = f"{winner.describe()} on {day}: first of {len(eligible)} with room"
    if len(eligible) > 1:
        why += f"; {_beat(winner, eligible[1])}"
    own = f"{winner.describe()} on {day}: serves the region and category, with room"
    return Decision(winner, why, shown, len(ranked), own_why=own)


def _no_match(
    ranked: Sequence[Candidate],
    considered: Sequence[Considered],
    region: str,
    category: str,
    day: date,
) -> str:
    if not ranked:
        return (
            f"no network point serves region {region} for category {category} "
            "with an active technician skilled in it"
        )
    full = sum(1 for c in considered if c.outcome == "full")
    declined = sum(1 for c in considered if c.outcome == "declined before")
    excluded = sum(1 for c in considered if c.outcome == "excluded")
    parts = []
    if full:
        parts.append(f"{full} fully booked on {day}")
    if declined:
        parts.append(f"{declined} declined or let the offer expire")
    if excluded:
        parts.append(f"{excluded} excluded for this rework")
    return (
        f"all {len(ranked)} network points serving region {region} for category {category} "
        f"are unavailable: {', '.join(parts)}"
    )
