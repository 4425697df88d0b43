from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.remedy_out import RemedyOut
    from ..models.revenue_class import RevenueClass


T = TypeVar("T", bound="RevenueReport")


@_attrs_define
class RevenueReport:
    """
    Attributes:
        month (str):
        by_class (list[RevenueClass]):
        remedies (list[RemedyOut]):
        admin_work_minutes (int):
    """

    month: str
    by_class: list[RevenueClass]
    remedies: list[RemedyOut]
    admin_work_minutes: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        month = self.month

        by_class = []
        for by_class_item_data in self.by_class:
            by_class_item = by_class_item_data.to_dict()
            by_class.append(by_class_item)

        remedies = []
        for remedies_item_data in self.remedies:
            remedies_item = remedies_item_data.to_dict()
            remedies.append(remedies_item)

        admin_work_minutes = self.admin_work_minutes

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "month": month,
                "by_class": by_class,
                "remedies": remedies,
                "admin_work_minutes": admin_work_minutes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.remedy_out import RemedyOut
        from ..models.revenue_class import RevenueClass

        d = dict(src_dict)
        month = d.pop("month")

        by_class = []
        _by_class = d.pop("by_class")
        for by_class_item_data in _by_class:
            by_class_item = RevenueClass.from_dict(by_class_item_data)

            by_class.append(by_class_item)

        remedies = []
        _remedies = d.pop("remedies")
        for remedies_item_data in _remedies:
            remedies_item = RemedyOut.from_dict(remedies_item_data)

            remedies.append(remedies_item)

        admin_work_minutes = d.pop("admin_work_minutes")

        revenue_report = cls(
            month=month,
            by_class=by_class,
            remedies=remedies,
            admin_work_minutes=admin_work_minutes,
        )

        revenue_report.additional_properties = d
        return revenue_report

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
