"""The information centre's own record (docs/domain.md, clause 4 and section 4.2.4): how many
requests of a month were answered by their ``respond_by``, how many came of each kind and by each
channel, and how many were solved on the phone. Pure: the counts are handed in.

- A ticket's answer is *due* once it was answered, its deadline was reported missed, or it is
  running unanswered past ``respond_by``; one cancelled (or paused) before its answer fell due
  is not counted. ``answer_rate`` is the share of due answers given in time.
- *Solved on the phone*: a request the centre ended without a visit (resolve-remotely, or a
  resolved answer), unless its callback found it unsolved and reopened it. The base is every
  request but parts orders, complaints and a business customer's duties, which are not solved
  that way.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction

# Kinds that are never "solved on the phone": left out of that rate's base.
# A business customer's duties (their checklists) are not phone solutions either.
NOT_PHONE_SOLVABLE = frozenset(
    {"parts_order", "complaint", "dealer_onboarding", "promotion_support", "usage_guidance"}
)


def rate(part: int, whole: int) -> float | None:
    """``part / whole`` to four places; None when there is nothing to divide."""
    return round(float(Fraction(part, whole)), 4) if whole else None


@dataclass(frozen=True)
class CentreCounts:
    tickets: int = 0
    answers_due: int = 0
    answered: int = 0
    answered_in_time: int = 0
    phone_solvable: int = 0
    solved_on_phone: int = 0
    by_kind: dict[str, int] = field(default_factory=dict)
    by_channel: dict[str, int] = field(default_factory=dict)

    @property
    def answer_rate(self) -> float | None:
        return rate(self.answered_in_time, self.answers_due)

    @property
    def solved_on_phone_rate(self) -> float | None:
        return rate(self.solved_on_phone, self.phone_solvable)
