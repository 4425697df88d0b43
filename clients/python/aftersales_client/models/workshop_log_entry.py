from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.workshop_log_entry_direction import WorkshopLogEntryDirection

T = TypeVar("T", bound="WorkshopLogEntry")


@_attrs_define
class WorkshopLogEntry:
    """
    Attributes:
        receipt_no (str):
        direction (WorkshopLogEntryDirection):
        at (datetime.datetime):
        actor (str):
    """

    receipt_no: str
    direction: WorkshopLogEntryDirection
    at: datetime.datetime
    actor: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        receipt_no = self.receipt_no

        direction = self.direction.value

        at = self.at.isoformat()

        actor = self.actor

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "receipt_no": receipt_no,
                "direction": direction,
                "at": at,
                "actor": actor,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        receipt_no = d.pop("receipt_no")

        direction = WorkshopLogEntryDirection(d.pop("direction"))

        at = datetime.datetime.fromisoformat(d.pop("at"))

        actor = d.pop("actor")

        workshop_log_entry = cls(
            receipt_no=receipt_no,
            direction=direction,
            at=at,
            actor=actor,
        )

        workshop_log_entry.additional_properties = d
        return workshop_log_entry

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
