"""The rules of a dated policy, free of any framework: its type, who may approve a version,
and which version is in force at a moment."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from pydantic import TypeAdapter, ValidationError

# Version 1 (the environment's values at the first start) holds for every fact before it too.
BEGINNING = datetime(1970, 1, 1, tzinfo=UTC)
ENVIRONMENT = "environment"


class WrongType(ValueError):
    """A value that is not of its policy's type."""


class SelfApproval(ValueError):
    """The proposer approving their own version while the two-person rule is on."""


@dataclass(frozen=True)
class PolicySpec:
    """A named, typed figure a service decides by; ``setting`` is the field of the service's
    settings whose value becomes version 1."""

    name: str
    type: Any
    type_name: str
    setting: str
    description: str

    @property
    def service(self) -> str:
        return self.name.split(".", 1)[0]

    @property
    def key(self) -> str:
        return self.name.split(".", 1)[1]

    def validate(self, value: Any) -> Any:
        """``value`` as the policy keeps it; WrongType (naming the type) when it is not one."""
        try:
            return TypeAdapter(self.type).validate_python(value, strict=True)
        except ValidationError as exc:
            problems = "; ".join(
                f"{'.'.join(str(p) for p in e['loc']) or 'value'}: {e['msg']}" for e in exc.errors()
            )
            raise WrongType(f"{self.name} takes {self.type_name}: {problems}") from exc

    def dump(self, value: Any) -> Any:
        return TypeAdapter(self.type).dump_python(value, mode="json")


@dataclass(frozen=True)
class Version:
    number: int
    value: Any
    effective_from: datetime
    proposed_by: str
    proposed_at: datetime
    note: str = ""
    approved_by: str | None = None
    approved_at: datetime | None = None
    in_force_from: datetime | None = None

    @property
    def approved(self) -> bool:
        return self.approved_at is not None


def in_force_from(effective_from: datetime, approved_at: datetime) -> datetime:
    """A version approved after its ``effective_from`` holds from its approval, never
    backwards."""
    return max(effective_from, approved_at)


def check_approver(proposed_by: str, approver: str, *, two_person: bool) -> None:
    if two_person and proposed_by == approver:
        raise SelfApproval(
            "The two-person rule is on: a version is approved by another admin than the one"
            " who proposed it."
        )


def in_force(versions: Sequence[Version], at: datetime) -> Version | None:
    """The approved version in force at ``at``: the latest to come into force by then (of two
    from the same moment, the later approved)."""
    found = [v for v in versions if v.in_force_from is not None and v.in_force_from <= at]
    if not found:
        return None
    return max(found, key=lambda v: (v.in_force_from, v.approved_at, v.number))
