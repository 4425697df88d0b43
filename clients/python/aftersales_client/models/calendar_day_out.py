from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CalendarDayOut")


@_attrs_define
class CalendarDayOut:
    """
    Attributes:
        day (datetime.date):
        capacity (int):
        booked (int):
        overridden (bool):
    """

    day: datetime.date
    capacity: int
    booked: int
    overridden: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        day = self.day.isoformat()

        capacity = self.capacity

        booked = self.booked

        overridden = self.overridden

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "day": day,
                "capacity": capacity,
                "booked": booked,
                "overridden": overridden,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        day = datetime.date.fromisoformat(d.pop("day"))

        capacity = d.pop("capacity")

        booked = d.pop("booked")

        overridden = d.pop("overridden")

        calendar_day_out = cls(
            day=day,
            capacity=capacity,
            booked=booked,
            overridden=overridden,
        )

        calendar_day_out.additional_properties = d
        return calendar_day_out

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
