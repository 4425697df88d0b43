from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="PointPatch")


@_attrs_define
class PointPatch:
    """What may change of a point; its code, grade and version are not for clients to set.

    Attributes:
        name (None | str | Unset):
        regions (list[str] | None | Unset):
        categories (list[str] | None | Unset):
        daily_capacity (int | None | Unset):
        is_partner (bool | None | Unset):
        active (bool | None | Unset):
    """

    name: None | str | Unset = UNSET
    regions: list[str] | None | Unset = UNSET
    categories: list[str] | None | Unset = UNSET
    daily_capacity: int | None | Unset = UNSET
    is_partner: bool | None | Unset = UNSET
    active: bool | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        regions: list[str] | None | Unset
        if isinstance(self.regions, Unset):
            regions = UNSET
        elif isinstance(self.regions, list):
            regions = self.regions

        else:
            regions = self.regions

        categories: list[str] | None | Unset
        if isinstance(self.categories, Unset):
            categories = UNSET
        elif isinstance(self.categories, list):
            categories = self.categories

        else:
            categories = self.categories

        daily_capacity: int | None | Unset
        if isinstance(self.daily_capacity, Unset):
            daily_capacity = UNSET
        else:
            daily_capacity = self.daily_capacity

        is_partner: bool | None | Unset
        if isinstance(self.is_partner, Unset):
            is_partner = UNSET
        else:
            is_partner = self.is_partner

        active: bool | None | Unset
        if isinstance(self.active, Unset):
            active = UNSET
        else:
            active = self.active

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if regions is not UNSET:
            field_dict["regions"] = regions
        if categories is not UNSET:
            field_dict["categories"] = categories
        if daily_capacity is not UNSET:
            field_dict["daily_capacity"] = daily_capacity
        if is_partner is not UNSET:
            field_dict["is_partner"] = is_partner
        if active is not UNSET:
            field_dict["active"] = active

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_regions(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                regions_type_0 = cast(list[str], data)

                return regions_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        regions = _parse_regions(d.pop("regions", UNSET))

        def _parse_categories(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                categories_type_0 = cast(list[str], data)

                return categories_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        categories = _parse_categories(d.pop("categories", UNSET))

        def _parse_daily_capacity(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        daily_capacity = _parse_daily_capacity(d.pop("daily_capacity", UNSET))

        def _parse_is_partner(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        is_partner = _parse_is_partner(d.pop("is_partner", UNSET))

        def _parse_active(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        active = _parse_active(d.pop("active", UNSET))

        point_patch = cls(
            name=name,
            regions=regions,
            categories=categories,
            daily_capacity=daily_capacity,
            is_partner=is_partner,
            active=active,
        )

        return point_patch
