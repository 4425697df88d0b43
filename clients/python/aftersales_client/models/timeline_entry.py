from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.timeline_entry_data import TimelineEntryData


T = TypeVar("T", bound="TimelineEntry")


@_attrs_define
class TimelineEntry:
    """
    Attributes:
        at (datetime.datetime):
        event (str):
        summary (str):
        actor (str): who or what caused it: a caller (role:subject) or a service
        data (TimelineEntryData):
    """

    at: datetime.datetime
    event: str
    summary: str
    actor: str
    data: TimelineEntryData
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        at = self.at.isoformat()

        event = self.event

        summary = self.summary

        actor = self.actor

        data = self.data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "at": at,
                "event": event,
                "summary": summary,
                "actor": actor,
                "data": data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.timeline_entry_data import TimelineEntryData

        d = dict(src_dict)
        at = datetime.datetime.fromisoformat(d.pop("at"))

        event = d.pop("event")

        summary = d.pop("summary")

        actor = d.pop("actor")

        data = TimelineEntryData.from_dict(d.pop("data"))

        timeline_entry = cls(
            at=at,
            event=event,
            summary=summary,
            actor=actor,
            data=data,
        )

        timeline_entry.additional_properties = d
        return timeline_entry

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
