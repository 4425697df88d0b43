from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.technician_out_status import TechnicianOutStatus

T = TypeVar("T", bound="TechnicianOut")


@_attrs_define
class TechnicianOut:
    """
    Attributes:
        id (UUID):
        point_id (UUID):
        name (str):
        phone (str):
        skills (list[str]):
        status (TechnicianOutStatus):
        status_reason (None | str):
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: UUID
    point_id: UUID
    name: str
    phone: str
    skills: list[str]
    status: TechnicianOutStatus
    status_reason: None | str
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        point_id = str(self.point_id)

        name = self.name

        phone = self.phone

        skills = self.skills

        status = self.status.value

        status_reason: None | str
        status_reason = self.status_reason

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "point_id": point_id,
                "name": name,
                "phone": phone,
                "skills": skills,
                "status": status,
                "status_reason": status_reason,
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

        point_id = UUID(d.pop("point_id"))

        name = d.pop("name")

        phone = d.pop("phone")

        skills = cast(list[str], d.pop("skills"))

        status = TechnicianOutStatus(d.pop("status"))

        def _parse_status_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        status_reason = _parse_status_reason(d.pop("status_reason"))

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        technician_out = cls(
            id=id,
            point_id=point_id,
            name=name,
            phone=phone,
            skills=skills,
            status=status,
            status_reason=status_reason,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
        )

        technician_out.additional_properties = d
        return technician_out

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
