from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="TicketStatusCounts")


@_attrs_define
class TicketStatusCounts:
    """
    Attributes:
        open_ (int):
        dispatched (int):
        scheduled (int):
        in_progress (int):
        completed (int): the work is done; the callback is still to come
        reopened (int):
    """

    open_: int
    dispatched: int
    scheduled: int
    in_progress: int
    completed: int
    reopened: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        open_ = self.open_

        dispatched = self.dispatched

        scheduled = self.scheduled

        in_progress = self.in_progress

        completed = self.completed

        reopened = self.reopened

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "open": open_,
                "dispatched": dispatched,
                "scheduled": scheduled,
                "in_progress": in_progress,
                "completed": completed,
                "reopened": reopened,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        open_ = d.pop("open")

        dispatched = d.pop("dispatched")

        scheduled = d.pop("scheduled")

        in_progress = d.pop("in_progress")

        completed = d.pop("completed")

        reopened = d.pop("reopened")

        ticket_status_counts = cls(
            open_=open_,
            dispatched=dispatched,
            scheduled=scheduled,
            in_progress=in_progress,
            completed=completed,
            reopened=reopened,
        )

        ticket_status_counts.additional_properties = d
        return ticket_status_counts

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
