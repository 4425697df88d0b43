from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.strike_out import StrikeOut


T = TypeVar("T", bound="DisciplineOut")


@_attrs_define
class DisciplineOut:
    """
    Attributes:
        technician_id (UUID):
        window_days (int | None): null: strikes count for life
        strikes_in_window (int):
        current_action (None | str):
        dismissed (bool):
        strikes (list[StrikeOut]):
    """

    technician_id: UUID
    window_days: int | None
    strikes_in_window: int
    current_action: None | str
    dismissed: bool
    strikes: list[StrikeOut]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        technician_id = str(self.technician_id)

        window_days: int | None
        window_days = self.window_days

        strikes_in_window = self.strikes_in_window

        current_action: None | str
        current_action = self.current_action

        dismissed = self.dismissed

        strikes = []
        for strikes_item_data in self.strikes:
            strikes_item = strikes_item_data.to_dict()
            strikes.append(strikes_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "technician_id": technician_id,
                "window_days": window_days,
                "strikes_in_window": strikes_in_window,
                "current_action": current_action,
                "dismissed": dismissed,
                "strikes": strikes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.strike_out import StrikeOut

        d = dict(src_dict)
        technician_id = UUID(d.pop("technician_id"))

        def _parse_window_days(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        window_days = _parse_window_days(d.pop("window_days"))

        strikes_in_window = d.pop("strikes_in_window")

        def _parse_current_action(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        current_action = _parse_current_action(d.pop("current_action"))

        dismissed = d.pop("dismissed")

        strikes = []
        _strikes = d.pop("strikes")
        for strikes_item_data in _strikes:
            strikes_item = StrikeOut.from_dict(strikes_item_data)

            strikes.append(strikes_item)

        discipline_out = cls(
            technician_id=technician_id,
            window_days=window_days,
            strikes_in_window=strikes_in_window,
            current_action=current_action,
            dismissed=dismissed,
            strikes=strikes,
        )

        discipline_out.additional_properties = d
        return discipline_out

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
