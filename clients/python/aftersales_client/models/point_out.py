from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PointOut")


@_attrs_define
class PointOut:
    """
    Attributes:
        id (UUID):
        code (str):
        name (str):
        regions (list[str]):
        categories (list[str]):
        daily_capacity (int):
        is_partner (bool):
        grade (None | str):
        grade_month (None | str):
        active (bool):
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: UUID
    code: str
    name: str
    regions: list[str]
    categories: list[str]
    daily_capacity: int
    is_partner: bool
    grade: None | str
    grade_month: None | str
    active: bool
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        code = self.code

        name = self.name

        regions = self.regions

        categories = self.categories

        daily_capacity = self.daily_capacity

        is_partner = self.is_partner

        grade: None | str
        grade = self.grade

        grade_month: None | str
        grade_month = self.grade_month

        active = self.active

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "code": code,
                "name": name,
                "regions": regions,
                "categories": categories,
                "daily_capacity": daily_capacity,
                "is_partner": is_partner,
                "grade": grade,
                "grade_month": grade_month,
                "active": active,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        code = d.pop("code")

        name = d.pop("name")

        regions = cast(list[str], d.pop("regions"))

        categories = cast(list[str], d.pop("categories"))

        daily_capacity = d.pop("daily_capacity")

        is_partner = d.pop("is_partner")

        def _parse_grade(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        grade = _parse_grade(d.pop("grade"))

        def _parse_grade_month(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        grade_month = _parse_grade_month(d.pop("grade_month"))

        active = d.pop("active")

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        point_out = cls(
            id=id,
            code=code,
            name=name,
            regions=regions,
            categories=categories,
            daily_capacity=daily_capacity,
            is_partner=is_partner,
            grade=grade,
            grade_month=grade_month,
            active=active,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
        )

        point_out.additional_properties = d
        return point_out

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
