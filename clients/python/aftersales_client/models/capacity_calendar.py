from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.calendar_day_out import CalendarDayOut


T = TypeVar("T", bound="CapacityCalendar")


@_attrs_define
class CapacityCalendar:
    """
    Attributes:
        point_id (UUID):
        days (list[CalendarDayOut]):
    """

    point_id: UUID
    days: list[CalendarDayOut]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        point_id = str(self.point_id)

        days = []
        for days_item_data in self.days:
            days_item = days_item_data.to_dict()
            days.append(days_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "point_id": point_id,
                "days": days,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.calendar_day_out import CalendarDayOut

        d = dict(src_dict)
        point_id = UUID(d.pop("point_id"))

        days = []
        _days = d.pop("days")
        for days_item_data in _days:
            days_item = CalendarDayOut.from_dict(days_item_data)

            days.append(days_item)

        capacity_calendar = cls(
            point_id=point_id,
            days=days,
        )

        capacity_calendar.additional_properties = d
        return capacity_calendar

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
