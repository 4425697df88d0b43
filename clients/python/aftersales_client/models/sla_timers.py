from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.sla_timer_out import SlaTimerOut


T = TypeVar("T", bound="SlaTimers")


@_attrs_define
class SlaTimers:
    """
    Attributes:
        job_id (UUID):
        timers (list[SlaTimerOut]):
    """

    job_id: UUID
    timers: list[SlaTimerOut]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        job_id = str(self.job_id)

        timers = []
        for timers_item_data in self.timers:
            timers_item = timers_item_data.to_dict()
            timers.append(timers_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "job_id": job_id,
                "timers": timers,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.sla_timer_out import SlaTimerOut

        d = dict(src_dict)
        job_id = UUID(d.pop("job_id"))

        timers = []
        _timers = d.pop("timers")
        for timers_item_data in _timers:
            timers_item = SlaTimerOut.from_dict(timers_item_data)

            timers.append(timers_item)

        sla_timers = cls(
            job_id=job_id,
            timers=timers,
        )

        sla_timers.additional_properties = d
        return sla_timers

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
