"""The service catalogue: which request kinds each product category is offered (full, special
or selective service, docs/domain.md), and how fast each kind must be answered.

A category without an entry gets full service under the default response policy.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from aftersales.errors import Unprocessable
from intake.domain.tickets import KINDS, ResponsePolicy

MAX_COMPLETE_HOURS = 24 * 366


@dataclass(frozen=True)
class CategoryOffer:
    category: str
    kinds: frozenset[str]
    respond_within_hours: Mapping[str, int] = field(default_factory=dict)
    complete_within_hours: Mapping[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        named = set(self.kinds) | set(self.respond_within_hours) | set(self.complete_within_hours)
        unknown = named - set(KINDS)
        if unknown:
            raise Unprocessable(f"Unknown request kinds for {self.category}: {sorted(unknown)}.")
        for kind, hours in self.respond_within_hours.items():
            if not 1 <= hours <= 24 * 31:
                raise Unprocessable(f"respond_within_hours[{kind}] must be 1 to 744 hours.")
        for kind, hours in self.complete_within_hours.items():
            if not 1 <= hours <= MAX_COMPLETE_HOURS:
                raise Unprocessable(
                    f"complete_within_hours[{kind}] must be 1 to {MAX_COMPLETE_HOURS} hours."
                )


def check_offered(offer: CategoryOffer | None, category: str, kind: str) -> None:
    if offer is not None and kind not in offer.kinds:
        offered = ", ".join(sorted(offer.kinds)) or "nothing"
        raise Unprocessable(
            f"'{kind}' is not offered for {category}; offered: {offered}.",
            offered=sorted(offer.kinds),
        )


def respond_by(
    offer: CategoryOffer | None,
    kind: str,
    opened_at: datetime,
    default: ResponsePolicy,
    complete_by: datetime | None = None,
) -> datetime:
    """The answer due: the category's hours for the kind; else a sample test's answer is its
    result, due with it (``complete_by``, 24 h by default: clause 10); else the default."""
    if offer is not None and kind in offer.respond_within_hours:
        return opened_at + timedelta(hours=offer.respond_within_hours[kind])
    if kind == "sample_test" and complete_by is not None:
        return complete_by
    return default.respond_by(kind, opened_at)


def complete_within(offer: CategoryOffer | None, defaults: Mapping[str, float]) -> dict[str, float]:
    """Hours to finish each kind: the service-wide defaults, overridden by the category's."""
    return {**defaults, **(dict(offer.complete_within_hours) if offer is not None else {})}
