from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.guidance_out_result import GuidanceOutResult

T = TypeVar("T", bound="GuidanceOut")


@_attrs_define
class GuidanceOut:
    """A usage_guidance ticket and whether its work was finished by its deadline.

    Attributes:
        ticket_id (UUID):
        number (str):
        opened_at (datetime.datetime):
        complete_by (datetime.datetime | None):
        finished_at (datetime.datetime | None): when its last checklist item was ticked
        status (str):
        result (GuidanceOutResult): in_time: finished by complete_by; late: finished after it, or unfinished past it;
            running: unfinished, not yet due; cancelled: ended unfinished
        in_time (bool | None): null while running or once cancelled
    """

    ticket_id: UUID
    number: str
    opened_at: datetime.datetime
    complete_by: datetime.datetime | None
    finished_at: datetime.datetime | None
    status: str
    result: GuidanceOutResult
    in_time: bool | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        ticket_id = str(self.ticket_id)

        number = self.number

        opened_at = self.opened_at.isoformat()

        complete_by: None | str
        if isinstance(self.complete_by, datetime.datetime):
            complete_by = self.complete_by.isoformat()
        else:
            complete_by = self.complete_by

        finished_at: None | str
        if isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at

        status = self.status

        result = self.result.value

        in_time: bool | None
        in_time = self.in_time

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "ticket_id": ticket_id,
                "number": number,
                "opened_at": opened_at,
                "complete_by": complete_by,
                "finished_at": finished_at,
                "status": status,
                "result": result,
                "in_time": in_time,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        ticket_id = UUID(d.pop("ticket_id"))

        number = d.pop("number")

        opened_at = datetime.datetime.fromisoformat(d.pop("opened_at"))

        def _parse_complete_by(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                complete_by_type_0 = datetime.datetime.fromisoformat(data)

                return complete_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        complete_by = _parse_complete_by(d.pop("complete_by"))

        def _parse_finished_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                finished_at_type_0 = datetime.datetime.fromisoformat(data)

                return finished_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        finished_at = _parse_finished_at(d.pop("finished_at"))

        status = d.pop("status")

        result = GuidanceOutResult(d.pop("result"))

        def _parse_in_time(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        in_time = _parse_in_time(d.pop("in_time"))

        guidance_out = cls(
            ticket_id=ticket_id,
            number=number,
            opened_at=opened_at,
            complete_by=complete_by,
            finished_at=finished_at,
            status=status,
            result=result,
            in_time=in_time,
        )

        guidance_out.additional_properties = d
        return guidance_out

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
