from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PartMasterOut")


@_attrs_define
class PartMasterOut:
    """
    Attributes:
        sku (str):
        name (str):
        categories (list[str]):
        models (list[str]):
        unit (str):
        standard_cost (int | None):
        return_required (bool):
        return_within_days (int):
        version (int):
    """

    sku: str
    name: str
    categories: list[str]
    models: list[str]
    unit: str
    standard_cost: int | None
    return_required: bool
    return_within_days: int
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        sku = self.sku

        name = self.name

        categories = self.categories

        models = self.models

        unit = self.unit

        standard_cost: int | None
        standard_cost = self.standard_cost

        return_required = self.return_required

        return_within_days = self.return_within_days

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "sku": sku,
                "name": name,
                "categories": categories,
                "models": models,
                "unit": unit,
                "standard_cost": standard_cost,
                "return_required": return_required,
                "return_within_days": return_within_days,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        sku = d.pop("sku")

        name = d.pop("name")

        categories = cast(list[str], d.pop("categories"))

        models = cast(list[str], d.pop("models"))

        unit = d.pop("unit")

        def _parse_standard_cost(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        standard_cost = _parse_standard_cost(d.pop("standard_cost"))

        return_required = d.pop("return_required")

        return_within_days = d.pop("return_within_days")

        version = d.pop("version")

        part_master_out = cls(
            sku=sku,
            name=name,
            categories=categories,
            models=models,
            unit=unit,
            standard_cost=standard_cost,
            return_required=return_required,
            return_within_days=return_within_days,
            version=version,
        )

        part_master_out.additional_properties = d
        return part_master_out

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
