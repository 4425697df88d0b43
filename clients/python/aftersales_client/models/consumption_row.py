from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ConsumptionRow")


@_attrs_define
class ConsumptionRow:
    """
    Attributes:
        point_id (UUID):
        sku (str):
        service_class (str): A, B, C, D, or unknown until the job is charged
        qty (int):
        value (int): fen, at the parts' standard cost
    """

    point_id: UUID
    sku: str
    service_class: str
    qty: int
    value: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        point_id = str(self.point_id)

        sku = self.sku

        service_class = self.service_class

        qty = self.qty

        value = self.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "point_id": point_id,
                "sku": sku,
                "service_class": service_class,
                "qty": qty,
                "value": value,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        point_id = UUID(d.pop("point_id"))

        sku = d.pop("sku")

        service_class = d.pop("service_class")

        qty = d.pop("qty")

        value = d.pop("value")

        consumption_row = cls(
            point_id=point_id,
            sku=sku,
            service_class=service_class,
            qty=qty,
            value=value,
        )

        consumption_row.additional_properties = d
        return consumption_row

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
