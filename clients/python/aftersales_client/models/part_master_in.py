from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="PartMasterIn")


@_attrs_define
class PartMasterIn:
    """
    Attributes:
        sku (str): upper-case letters, digits, _ - .
        name (str):
        categories (list[str]):
        unit (str): pcs, m, kg ...
        models (list[str] | Unset):
        standard_cost (int | None | Unset):
        return_required (bool | Unset):  Default: False.
        return_within_days (int | Unset):  Default: 30.
    """

    sku: str
    name: str
    categories: list[str]
    unit: str
    models: list[str] | Unset = UNSET
    standard_cost: int | None | Unset = UNSET
    return_required: bool | Unset = False
    return_within_days: int | Unset = 30

    def to_dict(self) -> dict[str, Any]:
        sku = self.sku

        name = self.name

        categories = self.categories

        unit = self.unit

        models: list[str] | Unset = UNSET
        if not isinstance(self.models, Unset):
            models = self.models

        standard_cost: int | None | Unset
        if isinstance(self.standard_cost, Unset):
            standard_cost = UNSET
        else:
            standard_cost = self.standard_cost

        return_required = self.return_required

        return_within_days = self.return_within_days

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "sku": sku,
                "name": name,
                "categories": categories,
                "unit": unit,
            }
        )
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
        sku = d.pop("sku")

        name = d.pop("name")

        categories = cast(list[str], d.pop("categories"))

        unit = d.pop("unit")

        models = cast(list[str], d.pop("models", UNSET))

        def _parse_standard_cost(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        standard_cost = _parse_standard_cost(d.pop("standard_cost", UNSET))

        return_required = d.pop("return_required", UNSET)

        return_within_days = d.pop("return_within_days", UNSET)

        part_master_in = cls(
            sku=sku,
            name=name,
            categories=categories,
            unit=unit,
            models=models,
            standard_cost=standard_cost,
            return_required=return_required,
            return_within_days=return_within_days,
        )

        return part_master_in
