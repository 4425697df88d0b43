"""The service catalogue: which request kinds each product category is offered (full, special
or selective service, DOMAIN.md), and how fast each kind must be answered.

A category without an entry gets full service under the default response policy.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from aftersales.errors import Unprocessable
from intake.domain.tickets import KINDS, ResponsePolicy


@dataclass(frozen=True)
class CategoryOffer:
    category: str
    kinds: frozenset[str]
    respond_within_hours: Mapping[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        unknown = (set(self.kinds) | set(self.respond_within_hours)) - set(KINDS)
        if unknown:
            raise Unprocessable(f"Unknown request kinds for {self.category}: {sorted(unknown)}.")
        for kind, hours in self.respond_within_hours.items():
            if not 1 <= hours <= 24 * 31:
                raise Unprocessable(f"respond_within_hours[{kind}] must be 1 to 744 hours.")


def check_offered(offer: CategoryOffer | None, category: str, kind: str) -> None:
    if offer is not None and kind not in offer.kinds:
        offered = ", ".join(sorted(offer.kinds)) or "nothing"
        raise Unprocessable(
            f"'{kind}' is not offered for {category}; offered: {offered}.",
            offered=sorted(offer.kinds),
        )


def respond_by(
    offer: CategoryOffer | None, kind: str, opened_at: datetime, default: ResponsePolicy
) -> datetime:
    if offer is not None and kind in offer.respond_within_hours:
        return opened_at + timedelta(hours=offer.respond_within_hours[kind])
    return default.respond_by(kind, opened_at)
