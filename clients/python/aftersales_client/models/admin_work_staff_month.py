from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.admin_work_staff_month_minutes_by_kind import (
        AdminWorkStaffMonthMinutesByKind,
    )


T = TypeVar("T", bound="AdminWorkStaffMonth")


@_attrs_define
class AdminWorkStaffMonth:
    """
    Attributes:
        staff (str):
        entries (int):
        minutes (int):
        minutes_by_kind (AdminWorkStaffMonthMinutesByKind):
    """

    staff: str
    entries: int
    minutes: int
    minutes_by_kind: AdminWorkStaffMonthMinutesByKind
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        staff = self.staff

        entries = self.entries

        minutes = self.minutes

        minutes_by_kind = self.minutes_by_kind.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "staff": staff,
                "entries": entries,
                "minutes": minutes,
                "minutes_by_kind": minutes_by_kind,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.admin_work_staff_month_minutes_by_kind import (
            AdminWorkStaffMonthMinutesByKind,
        )

        d = dict(src_dict)
        staff = d.pop("staff")

        entries = d.pop("entries")

        minutes = d.pop("minutes")

        minutes_by_kind = AdminWorkStaffMonthMinutesByKind.from_dict(
            d.pop("minutes_by_kind")
        )

        admin_work_staff_month = cls(
            staff=staff,
            entries=entries,
            minutes=minutes,
            minutes_by_kind=minutes_by_kind,
        )

        admin_work_staff_month.additional_properties = d
        return admin_work_staff_month

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
