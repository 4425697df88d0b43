from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.my_job_out import MyJobOut


T = TypeVar("T", bound="MyDayOut")


@_attrs_define
class MyDayOut:
    """
    Attributes:
        technician_id (UUID):
        date (datetime.date):
        items (list[MyJobOut]):
    """

    technician_id: UUID
    date: datetime.date
    items: list[MyJobOut]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        technician_id = str(self.technician_id)

        date = self.date.isoformat()

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "technician_id": technician_id,
                "date": date,
                "items": items,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.my_job_out import MyJobOut

        d = dict(src_dict)
        technician_id = UUID(d.pop("technician_id"))

        date = datetime.date.fromisoformat(d.pop("date"))

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = MyJobOut.from_dict(items_item_data)

            items.append(items_item)

        my_day_out = cls(
            technician_id=technician_id,
            date=date,
            items=items,
        )

        my_day_out.additional_properties = d
        return my_day_out

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
