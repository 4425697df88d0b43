from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="StockLevelOut")


@_attrs_define
class StockLevelOut:
    """
    Attributes:
        location_id (UUID):
        sku (str):
        on_hand (int):
        reserved (int):
        in_transit (int):
        shortfall (int): parts used on jobs beyond what the books showed
        reorder_level (int | None):
        below_reorder (bool):
    """

    location_id: UUID
    sku: str
    on_hand: int
    reserved: int
    in_transit: int
    shortfall: int
    reorder_level: int | None
    below_reorder: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        location_id = str(self.location_id)

        sku = self.sku

        on_hand = self.on_hand

        reserved = self.reserved

        in_transit = self.in_transit

        shortfall = self.shortfall

        reorder_level: int | None
        reorder_level = self.reorder_level

        below_reorder = self.below_reorder

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "location_id": location_id,
                "sku": sku,
                "on_hand": on_hand,
                "reserved": reserved,
                "in_transit": in_transit,
                "shortfall": shortfall,
                "reorder_level": reorder_level,
                "below_reorder": below_reorder,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        location_id = UUID(d.pop("location_id"))

        sku = d.pop("sku")

        on_hand = d.pop("on_hand")

        reserved = d.pop("reserved")

        in_transit = d.pop("in_transit")

        shortfall = d.pop("shortfall")

        def _parse_reorder_level(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        reorder_level = _parse_reorder_level(d.pop("reorder_level"))

        below_reorder = d.pop("below_reorder")

        stock_level_out = cls(
            location_id=location_id,
            sku=sku,
            on_hand=on_hand,
            reserved=reserved,
            in_transit=in_transit,
            shortfall=shortfall,
            reorder_level=reorder_level,
            below_reorder=below_reorder,
        )

        stock_level_out.additional_properties = d
        return stock_level_out

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
