"""Which service class a completed job falls in, and why (docs/domain.md, 作业分类).

- **C** (free training) for a ``training`` job at any warranty state, with or without a
  product: technical and sales training are free (clause 9), and the company bears their cost
  like warranty work. No exclusion, campaign or contract changes that.
- **C** (free service) when the product is in warranty on the day the fault was reported — the
  warranty's last day included — or when a free service campaign (特别服务) covers the
  product's category, the site's region and the ticket's kind on that day. An installation is
  free when done within the warranty.
- A warranty **exclusion** the technician claims (``misuse``, ``consumable``, ``not_covered``)
  turns free service into **A**, with the reason; finance may overturn it.
- **B** (contract service) when a contract in force that day covers the product and has visits
  left (no quota means unlimited visits); the visit is counted against the quota.
- **A** (paid service) otherwise — including a contract whose visits are used up, and a ticket
  with no registered product (no warranty to judge) that no campaign covers.
- **D** (internal admin work) is never a job; it is logged through ``/v1/admin-work``.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class ContractTerms:
    id: uuid.UUID
    contract_no: str
    starts_on: date
    ends_on: date
    covers_labour: bool
    covers_parts: bool
    covers_travel: bool
    visits_included: int | None
    visits_used: int

    def in_force(self, day: date) -> bool:
        return self.starts_on <= day <= self.ends_on

    @property
    def covers(self) -> frozenset[str]:
        return frozenset(
            kind
            for kind, on in (
                ("labour", self.covers_labour),
                ("parts", self.covers_parts),
                ("travel", self.covers_travel),
            )
            if on
        )

    @property
    def visits_left(self) -> int | None:
        if self.visits_included is None:
            return None
        return max(0, self.visits_included - self.visits_used)


ALL_COVERED = frozenset({"labour", "parts", "travel"})
TRAINING = "training"
EXCLUSION_REASONS = ("misuse", "consumable", "not_covered")


@dataclass(frozen=True)
class Campaign:
    """A free service campaign: matching jobs are class C for what it covers."""

    id: uuid.UUID
    name: str
    categories: frozenset[str]
    regions: frozenset[str]
    kinds: frozenset[str]
    from_on: date
    to_on: date
    covers: frozenset[str] = ALL_COVERED

    def matches(self, *, category: str, region: str | None, kind: str, day: date) -> bool:
        return (
            self.from_on <= day <= self.to_on
            and category in self.categories
            and region in self.regions
            and kind in self.kinds
        )


@dataclass(frozen=True)
class Exclusion:
    reason: str  # misuse | consumable | not_covered
    note: str


@dataclass(frozen=True)
class Classification:
    service_class: str
    reason: str
    contract: ContractTerms | None = None
    campaign: Campaign | None = None
    # What the class leaves free for the customer (labour with its call-out, parts, travel);
    # by default all of it for C, the contract's cover for B, nothing for A.
    covers: frozenset[str] | None = None
    exclusion: Exclusion | None = None
    # Free by the document's own clause (training): a warranty exclusion does not apply.
    free_by_clause: bool = False

    @property
    def covered(self) -> frozenset[str]:
        if self.covers is not None:
            return self.covers
        if self.service_class == "C":
            return ALL_COVERED
        if self.service_class == "B" and self.contract is not None:
            return self.contract.covers
        return frozenset()


def with_exclusion(c: Classification, exclusion: Exclusion | None) -> Classification:
    """A claimed exclusion turns free service into paid service; other classes keep theirs (a
    contract or a paying customer is not a warranty claim)."""
    if exclusion is None or c.service_class != "C" or c.free_by_clause:
        return c
    return Classification(
        "A",
        f"warranty exclusion ({exclusion.reason}): {exclusion.note}; otherwise {c.reason}",
        exclusion=exclusion,
    )


def classify(
    *,
    kind: str,
    warranty_until: date | None,
    completed_on: date,
    contract: ContractTerms | None,
    reported_on: date | None = None,
    campaigns: tuple[Campaign, ...] = (),
    category: str = "",
    region: str | None = None,
) -> Classification:
    """The warranty and campaigns are judged on the day the fault was reported (the ticket
    opened), not the day the work was done: a fault reported on the warranty's last day is free
    service. A contract covers the visit on the day it is done. A training is free whatever
    the warranty says; a ticket without a product (``warranty_until`` None) has no warranty."""
    reported = reported_on or completed_on
    if kind == TRAINING:
        return Classification(
            "C",
            "free training (clause 9): technical and sales training are free at any warranty "
            "state; the company bears the cost",
            covers=ALL_COVERED,
            free_by_clause=True,
        )
    if warranty_until is not None and reported <= warranty_until:
        if reported_on is not None:
            return Classification(
                "C",
                f"in warranty: reported on {reported_on}, warranty until {warranty_until}",
                covers=ALL_COVERED,
            )
        what = "installed" if kind == "install" else "serviced"
        return Classification(
            "C",
            f"in warranty: {what} on {completed_on}, warranty until {warranty_until}",
            covers=ALL_COVERED,
        )
    for campaign in campaigns:
        if campaign.matches(category=category, region=region, kind=kind, day=reported):
            return Classification(
                "C",
                f"campaign {campaign.name!r} ({campaign.from_on} to {campaign.to_on}) "
                f"covers {', '.join(sorted(campaign.covers))}",
                campaign=campaign,
                covers=campaign.covers,
            )
    if contract is not None and contract.in_force(completed_on):
        left = contract.visits_left
        if left is None or left > 0:
            quota = (
                "unlimited visits"
                if left is None
                else f"visit {contract.visits_used + 1} of {contract.visits_included}"
            )
            return Classification(
                "B",
                f"contract {contract.contract_no} in force ({quota})",
                contract,
                covers=contract.covers,
            )
        return Classification(
            "A",
            f"warranty ended {warranty_until}; contract {contract.contract_no}'s "
            f"{contract.visits_included} visits are used up",
        )
    if warranty_until is None:
        return Classification("A", "paid service: no registered product, no campaign covers it")
    return Classification(
        "A", f"paid service: warranty ended {warranty_until}, no contract in force"
    )
