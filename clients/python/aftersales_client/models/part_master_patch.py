from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="PartMasterPatch")


@_attrs_define
class PartMasterPatch:
    """Fields left out stay as they are. ``finance`` may set only ``standard_cost``.

    Attributes:
        name (None | str | Unset):
        categories (list[str] | None | Unset):
        unit (None | str | Unset):
        models (list[str] | None | Unset):
        standard_cost (int | None | Unset):
        return_required (bool | None | Unset):
        return_within_days (int | None | Unset):
    """

    name: None | str | Unset = UNSET
    categories: list[str] | None | Unset = UNSET
    unit: None | str | Unset = UNSET
    models: list[str] | None | Unset = UNSET
    standard_cost: int | None | Unset = UNSET
    return_required: bool | None | Unset = UNSET
    return_within_days: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        categories: list[str] | None | Unset
        if isinstance(self.categories, Unset):
            categories = UNSET
        elif isinstance(self.categories, list):
            categories = self.categories

        else:
            categories = self.categories

        unit: None | str | Unset
        if isinstance(self.unit, Unset):
            unit = UNSET
        else:
            unit = self.unit

        models: list[str] | None | Unset
        if isinstance(self.models, Unset):
            models = UNSET
        elif isinstance(self.models, list):
            models = self.models

        else:
            models = self.models

        standard_cost: int | None | Unset
        if isinstance(self.standard_cost, Unset):
            standard_cost = UNSET
        else:
            standard_cost = self.standard_cost

        return_required: bool | None | Unset
        if isinstance(self.return_required, Unset):
            return_required = UNSET
        else:
            return_required = self.return_required

        return_within_days: int | None | Unset
        if isinstance(self.return_within_days, Unset):
            return_within_days = UNSET
        else:
            return_within_days = self.return_within_days

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if categories is not UNSET:
            field_dict["categories"] = categories
        if unit is not UNSET:
            field_dict["unit"] = unit
        if models is not UNSET:
            field_dict["models"] = models
        if standard_cost is not UNSET:
            field_dict["standard_cost"] = standard_cost
        if return_required is not UNSET:
            field_dict["return_required"] = return_required
        if return_within_days is not UNSET:
            field_dict["return_within_days"] = return_within_days

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

        def _parse_unit(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        unit = _parse_unit(d.pop("unit", UNSET))

        def _parse_models(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                models_type_0 = cast(list[str], data)

                return models_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        models = _parse_models(d.pop("models", UNSET))

        def _parse_standard_cost(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        standard_cost = _parse_standard_cost(d.pop("standard_cost", UNSET))

        def _parse_return_required(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        return_required = _parse_return_required(d.pop("return_required", UNSET))

        def _parse_return_within_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        return_within_days = _parse_return_within_days(
            d.pop("return_within_days", UNSET)
        )

        part_master_patch = cls(
            name=name,
            categories=categories,
            unit=unit,
            models=models,
            standard_cost=standard_cost,
            return_required=return_required,
            return_within_days=return_within_days,
        )

        return part_master_patch
