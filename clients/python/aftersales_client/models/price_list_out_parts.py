from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.price_list_out_parts_additional_property import (
        PriceListOutPartsAdditionalProperty,
    )


T = TypeVar("T", bound="PriceListOutParts")


@_attrs_define
class PriceListOutParts:
    additional_properties: dict[str, PriceListOutPartsAdditionalProperty] = (
        _attrs_field(init=False, factory=dict)
    )

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        for prop_name, prop in self.additional_properties.items():
            field_dict[prop_name] = prop.to_dict()

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.price_list_out_parts_additional_property import (
            PriceListOutPartsAdditionalProperty,
        )

        d = dict(src_dict)
        price_list_out_parts = cls()

        additional_properties = {}
        for prop_name, prop_dict in d.items():
            additional_property = PriceListOutPartsAdditionalProperty.from_dict(
                prop_dict
            )

            additional_properties[prop_name] = additional_property

        price_list_out_parts.additional_properties = additional_properties
        return price_list_out_parts

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> PriceListOutPartsAdditionalProperty:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: PriceListOutPartsAdditionalProperty) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
