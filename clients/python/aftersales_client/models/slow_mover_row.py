from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="SlowMoverRow")


@_attrs_define
class SlowMoverRow:
    """
    Attributes:
        location_id (UUID):
        sku (str):
        on_hand (int):
        value (int):
        last_out_at (datetime.datetime | None): last issued or transferred out; null: never
    """

    location_id: UUID
    sku: str
    on_hand: int
    value: int
    last_out_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        location_id = str(self.location_id)

        sku = self.sku

        on_hand = self.on_hand

        value = self.value

        last_out_at: None | str
        if isinstance(self.last_out_at, datetime.datetime):
            last_out_at = self.last_out_at.isoformat()
        else:
            last_out_at = self.last_out_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "location_id": location_id,
                "sku": sku,
                "on_hand": on_hand,
                "value": value,
                "last_out_at": last_out_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        location_id = UUID(d.pop("location_id"))

        sku = d.pop("sku")

        on_hand = d.pop("on_hand")

        value = d.pop("value")

        def _parse_last_out_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_out_at_type_0 = datetime.datetime.fromisoformat(data)

                return last_out_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_out_at = _parse_last_out_at(d.pop("last_out_at"))

        slow_mover_row = cls(
            location_id=location_id,
            sku=sku,
            on_hand=on_hand,
            value=value,
            last_out_at=last_out_at,
        )

        slow_mover_row.additional_properties = d
        return slow_mover_row

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
