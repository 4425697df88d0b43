from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.capacity_override_out_made_by import CapacityOverrideOutMadeBy

T = TypeVar("T", bound="CapacityOverrideOut")


@_attrs_define
class CapacityOverrideOut:
    """
    Attributes:
        id (UUID):
        point_id (UUID):
        starts_on (datetime.date):
        ends_on (datetime.date):
        daily_capacity (int):
        reason (str):
        made_by (CapacityOverrideOutMadeBy): who set it: a point removes only the overrides it made
        created_at (datetime.datetime):
    """

    id: UUID
    point_id: UUID
    starts_on: datetime.date
    ends_on: datetime.date
    daily_capacity: int
    reason: str
    made_by: CapacityOverrideOutMadeBy
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        point_id = str(self.point_id)

        starts_on = self.starts_on.isoformat()

        ends_on = self.ends_on.isoformat()

        daily_capacity = self.daily_capacity

        reason = self.reason

        made_by = self.made_by.value

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "point_id": point_id,
                "starts_on": starts_on,
                "ends_on": ends_on,
                "daily_capacity": daily_capacity,
                "reason": reason,
                "made_by": made_by,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        point_id = UUID(d.pop("point_id"))

        starts_on = datetime.date.fromisoformat(d.pop("starts_on"))

        ends_on = datetime.date.fromisoformat(d.pop("ends_on"))

        daily_capacity = d.pop("daily_capacity")

        reason = d.pop("reason")

        made_by = CapacityOverrideOutMadeBy(d.pop("made_by"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        capacity_override_out = cls(
            id=id,
            point_id=point_id,
            starts_on=starts_on,
            ends_on=ends_on,
            daily_capacity=daily_capacity,
            reason=reason,
            made_by=made_by,
            created_at=created_at,
        )

        capacity_override_out.additional_properties = d
        return capacity_override_out

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
