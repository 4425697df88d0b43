from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="CoversIn")


@_attrs_define
class CoversIn:
    """
    Attributes:
        labor (bool):
        parts (bool):
        travel (bool):
    """

    labor: bool
    parts: bool
    travel: bool

    def to_dict(self) -> dict[str, Any]:
        labor = self.labor

        parts = self.parts

        travel = self.travel

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "labor": labor,
                "parts": parts,
                "travel": travel,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        labor = d.pop("labor")

        parts = d.pop("parts")

        travel = d.pop("travel")

        covers_in = cls(
            labor=labor,
            parts=parts,
            travel=travel,
        )

        return covers_in
