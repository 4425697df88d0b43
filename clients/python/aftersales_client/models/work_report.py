from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.work_report_points_item import WorkReportPointsItem
    from ..models.work_report_staff_item import WorkReportStaffItem
    from ..models.work_report_technicians_item import WorkReportTechniciansItem


T = TypeVar("T", bound="WorkReport")


@_attrs_define
class WorkReport:
    """
    Attributes:
        month (str):
        technicians (list[WorkReportTechniciansItem]): per technician: the work, the six outcomes, the month's strikes
            and reward
        points (list[WorkReportPointsItem]):
        staff (list[WorkReportStaffItem] | Unset): the centre's agents, hosts and sales-service staff (and technicians
            with no job this month but a strike or reward): outcomes, strikes, reward
    """

    month: str
    technicians: list[WorkReportTechniciansItem]
    points: list[WorkReportPointsItem]
    staff: list[WorkReportStaffItem] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        month = self.month

        technicians = []
        for technicians_item_data in self.technicians:
            technicians_item = technicians_item_data.to_dict()
            technicians.append(technicians_item)

        points = []
        for points_item_data in self.points:
            points_item = points_item_data.to_dict()
            points.append(points_item)

        staff: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.staff, Unset):
            staff = []
            for staff_item_data in self.staff:
                staff_item = staff_item_data.to_dict()
                staff.append(staff_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "month": month,
                "technicians": technicians,
                "points": points,
            }
        )
        if staff is not UNSET:
            field_dict["staff"] = staff

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.work_report_points_item import WorkReportPointsItem
        from ..models.work_report_staff_item import WorkReportStaffItem
        from ..models.work_report_technicians_item import WorkReportTechniciansItem

        d = dict(src_dict)
        month = d.pop("month")

        technicians = []
        _technicians = d.pop("technicians")
        for technicians_item_data in _technicians:
            technicians_item = WorkReportTechniciansItem.from_dict(
                technicians_item_data
            )

            technicians.append(technicians_item)

        points = []
        _points = d.pop("points")
        for points_item_data in _points:
            points_item = WorkReportPointsItem.from_dict(points_item_data)

            points.append(points_item)

        _staff = d.pop("staff", UNSET)
        staff: list[WorkReportStaffItem] | Unset = UNSET
        if _staff is not UNSET:
            staff = []
            for staff_item_data in _staff:
                staff_item = WorkReportStaffItem.from_dict(staff_item_data)

                staff.append(staff_item)

        work_report = cls(
            month=month,
            technicians=technicians,
            points=points,
            staff=staff,
        )

        work_report.additional_properties = d
        return work_report

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
