from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.history_entry_details_type_0 import HistoryEntryDetailsType0


T = TypeVar("T", bound="HistoryEntry")


@_attrs_define
class HistoryEntry:
    """
    Attributes:
        action (str):
        status (str):
        previous_status (None | str):
        at (datetime.datetime):
        recorded_at (datetime.datetime):
        actor (str):
        note (None | str):
        details (HistoryEntryDetailsType0 | None):
    """

    action: str
    status: str
    previous_status: None | str
    at: datetime.datetime
    recorded_at: datetime.datetime
    actor: str
    note: None | str
    details: HistoryEntryDetailsType0 | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.history_entry_details_type_0 import HistoryEntryDetailsType0

        action = self.action

        status = self.status

        previous_status: None | str
        previous_status = self.previous_status

        at = self.at.isoformat()

        recorded_at = self.recorded_at.isoformat()

        actor = self.actor

        note: None | str
        note = self.note

        details: dict[str, Any] | None
        if isinstance(self.details, HistoryEntryDetailsType0):
            details = self.details.to_dict()
        else:
            details = self.details

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "action": action,
                "status": status,
                "previous_status": previous_status,
                "at": at,
                "recorded_at": recorded_at,
                "actor": actor,
                "note": note,
                "details": details,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.history_entry_details_type_0 import HistoryEntryDetailsType0

        d = dict(src_dict)
        action = d.pop("action")

        status = d.pop("status")

        def _parse_previous_status(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        previous_status = _parse_previous_status(d.pop("previous_status"))

        at = datetime.datetime.fromisoformat(d.pop("at"))

        recorded_at = datetime.datetime.fromisoformat(d.pop("recorded_at"))

        actor = d.pop("actor")

        def _parse_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        note = _parse_note(d.pop("note"))

        def _parse_details(data: object) -> HistoryEntryDetailsType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                details_type_0 = HistoryEntryDetailsType0.from_dict(data)

                return details_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(HistoryEntryDetailsType0 | None, data)

        details = _parse_details(d.pop("details"))

        history_entry = cls(
            action=action,
            status=status,
            previous_status=previous_status,
            at=at,
            recorded_at=recorded_at,
            actor=actor,
            note=note,
            details=details,
        )

        history_entry.additional_properties = d
        return history_entry

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
