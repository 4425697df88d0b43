from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.delay_cause_in_cause import DelayCauseInCause

T = TypeVar("T", bound="DelayCauseIn")


@_attrs_define
class DelayCauseIn:
    """
    Attributes:
        cause (DelayCauseInCause):
        note (str):
    """

    cause: DelayCauseInCause
    note: str

    def to_dict(self) -> dict[str, Any]:
        cause = self.cause.value

        note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "cause": cause,
                "note": note,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        cause = DelayCauseInCause(d.pop("cause"))

        note = d.pop("note")

        delay_cause_in = cls(
            cause=cause,
            note=note,
        )

        return delay_cause_in
