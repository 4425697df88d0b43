from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Covers")


@_attrs_define
class Covers:
    """
    Attributes:
        labor (bool):
        parts (bool):
        travel (bool):
    """

    labor: bool
    parts: bool
    travel: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        labor = self.labor

        parts = self.parts

        travel = self.travel

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
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

        covers = cls(
            labor=labor,
            parts=parts,
            travel=travel,
        )

        covers.additional_properties = d
        return covers

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
