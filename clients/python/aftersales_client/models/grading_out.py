from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.grading_out_grades_item import GradingOutGradesItem


T = TypeVar("T", bound="GradingOut")


@_attrs_define
class GradingOut:
    """
    Attributes:
        month (str):
        published (int):
        unchanged (int):
        message (str):
        grades (list[GradingOutGradesItem]):
        rewarded (int): staff rewards decided by this run (GET /v1/staff-rewards)
    """

    month: str
    published: int
    unchanged: int
    message: str
    grades: list[GradingOutGradesItem]
    rewarded: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        month = self.month

        published = self.published

        unchanged = self.unchanged

        message = self.message

        grades = []
        for grades_item_data in self.grades:
            grades_item = grades_item_data.to_dict()
            grades.append(grades_item)

        rewarded = self.rewarded

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "month": month,
                "published": published,
                "unchanged": unchanged,
                "message": message,
                "grades": grades,
                "rewarded": rewarded,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.grading_out_grades_item import GradingOutGradesItem

        d = dict(src_dict)
        month = d.pop("month")

        published = d.pop("published")

        unchanged = d.pop("unchanged")

        message = d.pop("message")

        grades = []
        _grades = d.pop("grades")
        for grades_item_data in _grades:
            grades_item = GradingOutGradesItem.from_dict(grades_item_data)

            grades.append(grades_item)

        rewarded = d.pop("rewarded")

        grading_out = cls(
            month=month,
            published=published,
            unchanged=unchanged,
            message=message,
            grades=grades,
            rewarded=rewarded,
        )

        grading_out.additional_properties = d
        return grading_out

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
