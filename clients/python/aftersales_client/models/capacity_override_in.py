from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="CapacityOverrideIn")


@_attrs_define
class CapacityOverrideIn:
    """
    Attributes:
        starts_on (datetime.date):
        ends_on (datetime.date):
        daily_capacity (int): a point may only lower its capacity (at most the point's daily_capacity; 403 above it);
            admins and agents set any
        reason (str):
    """

    starts_on: datetime.date
    ends_on: datetime.date
    daily_capacity: int
    reason: str

    def to_dict(self) -> dict[str, Any]:
        starts_on = self.starts_on.isoformat()

        ends_on = self.ends_on.isoformat()

        daily_capacity = self.daily_capacity

        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "starts_on": starts_on,
                "ends_on": ends_on,
                "daily_capacity": daily_capacity,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        starts_on = datetime.date.fromisoformat(d.pop("starts_on"))

        ends_on = datetime.date.fromisoformat(d.pop("ends_on"))

        daily_capacity = d.pop("daily_capacity")

        reason = d.pop("reason")

        capacity_override_in = cls(
            starts_on=starts_on,
            ends_on=ends_on,
            daily_capacity=daily_capacity,
            reason=reason,
        )

        return capacity_override_in
