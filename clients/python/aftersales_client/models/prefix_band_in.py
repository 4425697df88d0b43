from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="PrefixBandIn")


@_attrs_define
class PrefixBandIn:
    """
    Attributes:
        shared_prefix (int): 2: the warehouse and the address are in the same province; 4: the same city; 6: the same
            district
        days (int): calendar days from shipping to arrival, at least 1
    """

    shared_prefix: int
    days: int

    def to_dict(self) -> dict[str, Any]:
        shared_prefix = self.shared_prefix

        days = self.days

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "shared_prefix": shared_prefix,
                "days": days,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        shared_prefix = d.pop("shared_prefix")

        days = d.pop("days")

        prefix_band_in = cls(
            shared_prefix=shared_prefix,
            days=days,
        )

        return prefix_band_in
