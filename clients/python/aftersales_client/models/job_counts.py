from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.job_clock_counts import JobClockCounts
    from ..models.job_status_counts import JobStatusCounts


T = TypeVar("T", bound="JobCounts")


@_attrs_define
class JobCounts:
    """
    Attributes:
        total (int): the open jobs (not completed or cancelled) the filters match
        by_status (JobStatusCounts):
        offered_not_accepted (int): offered to a point that has not accepted yet (= by_status.offered)
        unrouted (int): no point has them: none serves, or every one declined (= by_status.unrouted)
        by_clock (JobClockCounts):
        as_of (datetime.datetime): the moment a due time is compared with
    """

    total: int
    by_status: JobStatusCounts
    offered_not_accepted: int
    unrouted: int
    by_clock: JobClockCounts
    as_of: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        total = self.total

        by_status = self.by_status.to_dict()

        offered_not_accepted = self.offered_not_accepted

        unrouted = self.unrouted

        by_clock = self.by_clock.to_dict()

        as_of = self.as_of.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "total": total,
                "by_status": by_status,
                "offered_not_accepted": offered_not_accepted,
                "unrouted": unrouted,
                "by_clock": by_clock,
                "as_of": as_of,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.job_clock_counts import JobClockCounts
        from ..models.job_status_counts import JobStatusCounts

        d = dict(src_dict)
        total = d.pop("total")

        by_status = JobStatusCounts.from_dict(d.pop("by_status"))

        offered_not_accepted = d.pop("offered_not_accepted")

        unrouted = d.pop("unrouted")

        by_clock = JobClockCounts.from_dict(d.pop("by_clock"))

        as_of = datetime.datetime.fromisoformat(d.pop("as_of"))

        job_counts = cls(
            total=total,
            by_status=by_status,
            offered_not_accepted=offered_not_accepted,
            unrouted=unrouted,
            by_clock=by_clock,
            as_of=as_of,
        )

        job_counts.additional_properties = d
        return job_counts

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
