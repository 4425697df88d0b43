from __future__ import annotations

from collections.abc import Mapping
from typing import (
    TYPE_CHECKING,
    Any,
    Literal,
    Self,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.admin_work_out import AdminWorkOut
    from ..models.admin_work_staff_month import AdminWorkStaffMonth


T = TypeVar("T", bound="AdminWorkReport")


@_attrs_define
class AdminWorkReport:
    """
    Attributes:
        month (str):
        staff (list[AdminWorkStaffMonth]):
        entries (list[AdminWorkOut]):
        service_class (Literal['D'] | Unset):  Default: 'D'.
    """

    month: str
    staff: list[AdminWorkStaffMonth]
    entries: list[AdminWorkOut]
    service_class: Literal["D"] | Unset = "D"
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        month = self.month

        staff = []
        for staff_item_data in self.staff:
            staff_item = staff_item_data.to_dict()
            staff.append(staff_item)

        entries = []
        for entries_item_data in self.entries:
            entries_item = entries_item_data.to_dict()
            entries.append(entries_item)

        service_class = self.service_class

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "month": month,
                "staff": staff,
                "entries": entries,
            }
        )
        if service_class is not UNSET:
            field_dict["service_class"] = service_class

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.admin_work_out import AdminWorkOut
        from ..models.admin_work_staff_month import AdminWorkStaffMonth

        d = dict(src_dict)
        month = d.pop("month")

        staff = []
        _staff = d.pop("staff")
        for staff_item_data in _staff:
            staff_item = AdminWorkStaffMonth.from_dict(staff_item_data)

            staff.append(staff_item)

        entries = []
        _entries = d.pop("entries")
        for entries_item_data in _entries:
            entries_item = AdminWorkOut.from_dict(entries_item_data)

            entries.append(entries_item)

        service_class = cast(Literal["D"] | Unset, d.pop("service_class", UNSET))
        if service_class != "D" and not isinstance(service_class, Unset):
            raise ValueError(
                f"service_class must match const 'D', got '{service_class}'"
            )

        admin_work_report = cls(
            month=month,
            staff=staff,
            entries=entries,
            service_class=service_class,
        )

        admin_work_report.additional_properties = d
        return admin_work_report

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
