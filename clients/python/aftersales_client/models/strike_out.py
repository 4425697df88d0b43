from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="StrikeOut")


@_attrs_define
class StrikeOut:
    """
    Attributes:
        complaint_id (UUID):
        strike (int):
        action (str):
        at (datetime.datetime):
        window_days (int | None | Unset): the window it was counted in (null: for life)
    """

    complaint_id: UUID
    strike: int
    action: str
    at: datetime.datetime
    window_days: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        complaint_id = str(self.complaint_id)

        strike = self.strike

        action = self.action

        at = self.at.isoformat()

        window_days: int | None | Unset
        if isinstance(self.window_days, Unset):
            window_days = UNSET
        else:
            window_days = self.window_days

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
        if window_days is not UNSET:
            field_dict["window_days"] = window_days

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        complaint_id = UUID(d.pop("complaint_id"))

        strike = d.pop("strike")

        action = d.pop("action")

        at = datetime.datetime.fromisoformat(d.pop("at"))

        def _parse_window_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        window_days = _parse_window_days(d.pop("window_days", UNSET))

        strike_out = cls(
            complaint_id=complaint_id,
            strike=strike,
            action=action,
            at=at,
            window_days=window_days,
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
