from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AdminWorkOut")


@_attrs_define
class AdminWorkOut:
    """
    Attributes:
        id (UUID):
        staff (str):
        kind (str):
        minutes (int):
        performed_on (datetime.date):
        month (str):
        point_id (None | UUID):
        note (None | str):
        recorded_by (str):
        created_at (datetime.datetime):
    """

    id: UUID
    staff: str
    kind: str
    minutes: int
    performed_on: datetime.date
    month: str
    point_id: None | UUID
    note: None | str
    recorded_by: str
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        staff = self.staff

        kind = self.kind

        minutes = self.minutes

        performed_on = self.performed_on.isoformat()

        month = self.month

        point_id: None | str
        if isinstance(self.point_id, UUID):
            point_id = str(self.point_id)
        else:
            point_id = self.point_id

        note: None | str
        note = self.note

        recorded_by = self.recorded_by

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "staff": staff,
                "kind": kind,
                "minutes": minutes,
                "performed_on": performed_on,
                "month": month,
                "point_id": point_id,
                "note": note,
                "recorded_by": recorded_by,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        staff = d.pop("staff")

        kind = d.pop("kind")

        minutes = d.pop("minutes")

        performed_on = datetime.date.fromisoformat(d.pop("performed_on"))

        month = d.pop("month")

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

        def _parse_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        note = _parse_note(d.pop("note"))

        recorded_by = d.pop("recorded_by")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        admin_work_out = cls(
            id=id,
            staff=staff,
            kind=kind,
            minutes=minutes,
            performed_on=performed_on,
            month=month,
            point_id=point_id,
            note=note,
            recorded_by=recorded_by,
            created_at=created_at,
        )

        admin_work_out.additional_properties = d
        return admin_work_out

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
