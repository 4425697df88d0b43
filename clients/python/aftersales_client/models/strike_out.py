from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="StrikeOut")


@_attrs_define
class StrikeOut:
    """
    Attributes:
        complaint_id (UUID):
        strike (int):
        action (str):
        at (datetime.datetime):
    """

    complaint_id: UUID
    strike: int
    action: str
    at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        complaint_id = str(self.complaint_id)

        strike = self.strike

        action = self.action

        at = self.at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "complaint_id": complaint_id,
                "strike": strike,
                "action": action,
                "at": at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        complaint_id = UUID(d.pop("complaint_id"))

        strike = d.pop("strike")

        action = d.pop("action")

        at = datetime.datetime.fromisoformat(d.pop("at"))

        strike_out = cls(
            complaint_id=complaint_id,
            strike=strike,
            action=action,
            at=at,
        )

        strike_out.additional_properties = d
        return strike_out

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
