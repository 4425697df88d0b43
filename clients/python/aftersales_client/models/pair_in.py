from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="PairIn")


@_attrs_define
class PairIn:
    """
    Attributes:
        from_region (str): an administrative region code or its prefix: 2 digits a province, 4 a city, 6 a district
            (310000 is the province 31)
        to_region (str): an administrative region code or its prefix: 2 digits a province, 4 a city, 6 a district
            (310000 is the province 31)
        days (int): calendar days from shipping to arrival, at least 1
    """

    from_region: str
    to_region: str
    days: int

    def to_dict(self) -> dict[str, Any]:
        from_region = self.from_region

        to_region = self.to_region

        days = self.days

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "from_region": from_region,
                "to_region": to_region,
                "days": days,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        from_region = d.pop("from_region")

        to_region = d.pop("to_region")

        days = d.pop("days")

        pair_in = cls(
            from_region=from_region,
            to_region=to_region,
            days=days,
        )

        return pair_in
