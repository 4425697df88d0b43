from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.workshop_item import WorkshopItem


T = TypeVar("T", bound="WorkshopRegister")


@_attrs_define
class WorkshopRegister:
    """
    Attributes:
        point_id (UUID):
        items (list[WorkshopItem]):
    """

    point_id: UUID
    items: list[WorkshopItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        point_id = str(self.point_id)

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "point_id": point_id,
                "items": items,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.workshop_item import WorkshopItem

        d = dict(src_dict)
        point_id = UUID(d.pop("point_id"))

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = WorkshopItem.from_dict(items_item_data)

            items.append(items_item)

        workshop_register = cls(
            point_id=point_id,
            items=items,
        )

        workshop_register.additional_properties = d
        return workshop_register

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
