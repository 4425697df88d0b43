from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="PointIn")


@_attrs_define
class PointIn:
    """
    Attributes:
        code (str):
        name (str):
        regions (list[str]):
        categories (list[str]):
        daily_capacity (int):
        is_partner (bool | Unset):  Default: False.
    """

    code: str
    name: str
    regions: list[str]
    categories: list[str]
    daily_capacity: int
    is_partner: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        name = self.name

        regions = self.regions

        categories = self.categories

        daily_capacity = self.daily_capacity

        is_partner = self.is_partner

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "code": code,
                "name": name,
                "regions": regions,
                "categories": categories,
                "daily_capacity": daily_capacity,
            }
        )
        if is_partner is not UNSET:
            field_dict["is_partner"] = is_partner

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        code = d.pop("code")

        name = d.pop("name")

        regions = cast(list[str], d.pop("regions"))

        categories = cast(list[str], d.pop("categories"))

        daily_capacity = d.pop("daily_capacity")

        is_partner = d.pop("is_partner", UNSET)

        point_in = cls(
            code=code,
            name=name,
            regions=regions,
            categories=categories,
            daily_capacity=daily_capacity,
            is_partner=is_partner,
        )

        return point_in
