"""Which service class a completed job falls in, and why (DOMAIN.md, 作业分类).

- **C** (free service) when the product is in warranty on the day the job was completed — the
  warranty's last day included. An installation is free when done within the warranty.
- **B** (contract service) when a contract in force that day covers the product and has visits
  left (no quota means unlimited visits); the visit is counted against the quota.
- **A** (paid service) otherwise — including a contract whose visits are used up.
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
    def visits_left(self) -> int | None:
        if self.visits_included is None:
            return None
        return max(0, self.visits_included - self.visits_used)


@dataclass(frozen=True)
class Classification:
    service_class: str
    reason: str
    contract: ContractTerms | None = None


def classify(
    *,
    kind: str,
    warranty_until: date,
    completed_on: date,
    contract: ContractTerms | None,
    reported_on: date | None = None,
) -> Classification:
    """The warranty is judged on the day the fault was reported (the ticket opened), not the
    day the work was done: a fault reported on the warranty's last day is free service. A
    contract covers the visit on the day it is done."""
    if (reported_on or completed_on) <= warranty_until:
        if reported_on is not None:
            return Classification(
                "C", f"in warranty: reported on {reported_on}, warranty until {warranty_until}"
            )
        what = "installed" if kind == "install" else "serviced"
        return Classification(
            "C", f"in warranty: {what} on {completed_on}, warranty until {warranty_until}"
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
                "B", f"contract {contract.contract_no} in force ({quota})", contract
            )
        return Classification(
            "A",
            f"warranty ended {warranty_until}; contract {contract.contract_no}'s "
            f"{contract.visits_included} visits are used up",
        )
    return Classification(
        "A", f"paid service: warranty ended {warranty_until}, no contract in force"
    )
