from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="JobStatusCounts")


@_attrs_define
class JobStatusCounts:
    """
    Attributes:
        unrouted (int):
        offered (int):
        accepted (int):
        scheduled (int):
        en_route (int):
        on_site (int):
        awaiting_parts (int):
        in_workshop (int):
        repaired (int):
        inspected (int):
    """

    unrouted: int
    offered: int
    accepted: int
    scheduled: int
    en_route: int
    on_site: int
    awaiting_parts: int
    in_workshop: int
    repaired: int
    inspected: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        unrouted = self.unrouted

        offered = self.offered

        accepted = self.accepted

        scheduled = self.scheduled

        en_route = self.en_route

        on_site = self.on_site

        awaiting_parts = self.awaiting_parts

        in_workshop = self.in_workshop

        repaired = self.repaired

        inspected = self.inspected

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "unrouted": unrouted,
                "offered": offered,
                "accepted": accepted,
                "scheduled": scheduled,
                "en_route": en_route,
                "on_site": on_site,
                "awaiting_parts": awaiting_parts,
                "in_workshop": in_workshop,
                "repaired": repaired,
                "inspected": inspected,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        unrouted = d.pop("unrouted")

        offered = d.pop("offered")

        accepted = d.pop("accepted")

        scheduled = d.pop("scheduled")

        en_route = d.pop("en_route")

        on_site = d.pop("on_site")

        awaiting_parts = d.pop("awaiting_parts")

        in_workshop = d.pop("in_workshop")

        repaired = d.pop("repaired")

        inspected = d.pop("inspected")

        job_status_counts = cls(
            unrouted=unrouted,
            offered=offered,
            accepted=accepted,
            scheduled=scheduled,
            en_route=en_route,
            on_site=on_site,
            awaiting_parts=awaiting_parts,
            in_workshop=in_workshop,
            repaired=repaired,
            inspected=inspected,
        )

        job_status_counts.additional_properties = d
        return job_status_counts

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
