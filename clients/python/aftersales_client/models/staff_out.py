from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.staff_out_role import StaffOutRole
from ..models.staff_out_source import StaffOutSource

T = TypeVar("T", bound="StaffOut")


@_attrs_define
class StaffOut:
    """
    Attributes:
        id (UUID):
        role (StaffOutRole):
        name (None | str):
        point_id (None | UUID):
        subject (None | str):
        source (StaffOutSource):
        active (bool):
        version (int):
        created_at (datetime.datetime):
    """

    id: UUID
    role: StaffOutRole
    name: None | str
    point_id: None | UUID
    subject: None | str
    source: StaffOutSource
    active: bool
    version: int
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        role = self.role.value

        name: None | str
        name = self.name

        point_id: None | str
        if isinstance(self.point_id, UUID):
            point_id = str(self.point_id)
        else:
            point_id = self.point_id

        subject: None | str
        subject = self.subject

        source = self.source.value

        active = self.active

        version = self.version

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "role": role,
                "name": name,
                "point_id": point_id,
                "subject": subject,
                "source": source,
                "active": active,
                "version": version,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        role = StaffOutRole(d.pop("role"))

        def _parse_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        name = _parse_name(d.pop("name"))

        def _parse_point_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                point_id_type_0 = UUID(data)

                return point_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        point_id = _parse_point_id(d.pop("point_id"))

        def _parse_subject(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        subject = _parse_subject(d.pop("subject"))

        source = StaffOutSource(d.pop("source"))

        active = d.pop("active")

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        staff_out = cls(
            id=id,
            role=role,
            name=name,
            point_id=point_id,
            subject=subject,
            source=source,
            active=active,
            version=version,
            created_at=created_at,
        )

        staff_out.additional_properties = d
        return staff_out

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
