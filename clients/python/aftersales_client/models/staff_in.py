from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.staff_in_role import StaffInRole
from ..types import UNSET, Unset

T = TypeVar("T", bound="StaffIn")


@_attrs_define
class StaffIn:
    """
    Attributes:
        role (StaffInRole): technicians come from dispatch (feedback hears of every one it books)
        name (str):
        point_id (None | Unset | UUID): the point the member works at (none: the centre)
        subject (None | str | Unset): the token subject the member signs in with: an agent's callbacks are their jobs by
            it
    """

    role: StaffInRole
    name: str
    point_id: None | Unset | UUID = UNSET
    subject: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        role = self.role.value

        name = self.name

        point_id: None | str | Unset
        if isinstance(self.point_id, Unset):
            point_id = UNSET
        elif isinstance(self.point_id, UUID):
            point_id = str(self.point_id)
        else:
            point_id = self.point_id

        subject: None | str | Unset
        if isinstance(self.subject, Unset):
            subject = UNSET
        else:
            subject = self.subject

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "role": role,
                "name": name,
            }
        )
        if point_id is not UNSET:
            field_dict["point_id"] = point_id
        if subject is not UNSET:
            field_dict["subject"] = subject

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        role = StaffInRole(d.pop("role"))

        name = d.pop("name")

        def _parse_point_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                point_id_type_0 = UUID(data)

                return point_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        point_id = _parse_point_id(d.pop("point_id", UNSET))

        def _parse_subject(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        subject = _parse_subject(d.pop("subject", UNSET))

        staff_in = cls(
            role=role,
            name=name,
            point_id=point_id,
            subject=subject,
        )

        return staff_in
