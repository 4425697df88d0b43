from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.reward_out import RewardOut


T = TypeVar("T", bound="RewardList")


@_attrs_define
class RewardList:
    """
    Attributes:
        month (str):
        items (list[RewardOut]):
    """

    month: str
    items: list[RewardOut]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        month = self.month

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "month": month,
                "items": items,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.reward_out import RewardOut

        d = dict(src_dict)
        month = d.pop("month")

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = RewardOut.from_dict(items_item_data)

            items.append(items_item)

        reward_list = cls(
            month=month,
            items=items,
        )

        reward_list.additional_properties = d
        return reward_list

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
