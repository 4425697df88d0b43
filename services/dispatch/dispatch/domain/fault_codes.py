"""Fault codes: the operator's list, per product category, of symptoms, causes and actions a
technician reports (with an outcome), so quality can count faults by model, batch and code."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal, get_args

from aftersales.errors import Unprocessable

Outcome = Literal["fixed", "no_fault_found", "misuse"]
OUTCOMES: tuple[str, ...] = get_args(Outcome)
KINDS = ("symptom", "cause", "action")


@dataclass(frozen=True)
class FaultCodes:
    category: str
    symptoms: Mapping[str, str]
    causes: Mapping[str, str]
    actions: Mapping[str, str]

    def of(self, kind: str) -> Mapping[str, str]:
        return {"symptom": self.symptoms, "cause": self.causes, "action": self.actions}[kind]


@dataclass(frozen=True)
class ReportedCodes:
    symptom: str | None = None
    cause: str | None = None
    action: str | None = None

    @property
    def any(self) -> bool:
        return any((self.symptom, self.cause, self.action))


def check_codes(codes: ReportedCodes, lists: FaultCodes | None, category: str) -> None:
    """Each code reported must be on the category's list (422 naming the first that is not)."""
    for kind in KINDS:
        code = getattr(codes, kind)
        if code is None:
            continue
        known = lists.of(kind) if lists is not None else {}
        if code not in known:
            raise Unprocessable(
                f"{kind}_code '{code}' is not on the fault-code list for {category}.",
                field=f"{kind}_code",
                known=sorted(known),
            )


def check_outcome(outcome: str, codes: ReportedCodes) -> None:
    if outcome == "no_fault_found" and codes.cause is not None:
        raise Unprocessable("A no_fault_found outcome names no cause_code.")
