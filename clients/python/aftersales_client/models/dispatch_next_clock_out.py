from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.dispatch_next_clock_out_clock import DispatchNextClockOutClock

T = TypeVar("T", bound="DispatchNextClockOut")


@_attrs_define
class DispatchNextClockOut:
    """
    Attributes:
        clock (DispatchNextClockOutClock): accept: offered, due its accept-by (`offer_expires_at`); respond: to book,
            due `respond_by`; arrival: booked or on the way, due the appointment's end; completion: the ticket's deadline to
            finish (`complete_by`)
        due (datetime.datetime): when it runs out; past: breached
    """

    clock: DispatchNextClockOutClock
    due: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        clock = self.clock.value

        due = self.due.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "clock": clock,
                "due": due,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        clock = DispatchNextClockOutClock(d.pop("clock"))

        due = datetime.datetime.fromisoformat(d.pop("due"))

        dispatch_next_clock_out = cls(
            clock=clock,
            due=due,
        )

        dispatch_next_clock_out.additional_properties = d
        return dispatch_next_clock_out

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
