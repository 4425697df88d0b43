from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="JobClockCounts")


@_attrs_define
class JobClockCounts:
    """
    Attributes:
        accept_due (int): offered, the accept-by not yet past
        respond_due (int): to book (unrouted, accepted), not yet due
        arrival_due (int): booked or on the way, the appointment not yet over
        completion_due (int): under way, the deadline to finish not yet past
        breached (int): the next clock's due time has passed
        paused (int): its clocks stopped (an offer's accept-by still runs)
        no_clock (int): running with no clock: no deadline left to watch
    """

    accept_due: int
    respond_due: int
    arrival_due: int
    completion_due: int
    breached: int
    paused: int
    no_clock: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        accept_due = self.accept_due

        respond_due = self.respond_due

        arrival_due = self.arrival_due

        completion_due = self.completion_due

        breached = self.breached

        paused = self.paused

        no_clock = self.no_clock

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "accept_due": accept_due,
                "respond_due": respond_due,
                "arrival_due": arrival_due,
                "completion_due": completion_due,
                "breached": breached,
                "paused": paused,
                "no_clock": no_clock,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        accept_due = d.pop("accept_due")

        respond_due = d.pop("respond_due")

        arrival_due = d.pop("arrival_due")

        completion_due = d.pop("completion_due")

        breached = d.pop("breached")

        paused = d.pop("paused")

        no_clock = d.pop("no_clock")

        job_clock_counts = cls(
            accept_due=accept_due,
            respond_due=respond_due,
            arrival_due=arrival_due,
            completion_due=completion_due,
            breached=breached,
            paused=paused,
            no_clock=no_clock,
        )

        job_clock_counts.additional_properties = d
        return job_clock_counts

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
