from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.ticket_clock_counts import TicketClockCounts
    from ..models.ticket_status_counts import TicketStatusCounts


T = TypeVar("T", bound="TicketCounts")


@_attrs_define
class TicketCounts:
    """
    Attributes:
        total (int): the open tickets (not ended) the filters match
        by_status (TicketStatusCounts):
        by_clock (TicketClockCounts):
        as_of (datetime.datetime): the moment a due time is compared with
    """

    total: int
    by_status: TicketStatusCounts
    by_clock: TicketClockCounts
    as_of: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        total = self.total

        by_status = self.by_status.to_dict()

        by_clock = self.by_clock.to_dict()

        as_of = self.as_of.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "total": total,
                "by_status": by_status,
                "by_clock": by_clock,
                "as_of": as_of,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.ticket_clock_counts import TicketClockCounts
        from ..models.ticket_status_counts import TicketStatusCounts

        d = dict(src_dict)
        total = d.pop("total")

        by_status = TicketStatusCounts.from_dict(d.pop("by_status"))

        by_clock = TicketClockCounts.from_dict(d.pop("by_clock"))

        as_of = datetime.datetime.fromisoformat(d.pop("as_of"))

        ticket_counts = cls(
            total=total,
            by_status=by_status,
            by_clock=by_clock,
            as_of=as_of,
        )

        ticket_counts.additional_properties = d
        return ticket_counts

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
