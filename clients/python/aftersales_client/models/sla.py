from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.sla_respond_clock import SlaRespondClock

T = TypeVar("T", bound="Sla")


@_attrs_define
class Sla:
    """
    Attributes:
        respond_by (datetime.datetime): the answer due (moved on by any pause)
        respond_clock (SlaRespondClock): who answers: dispatch by booking the visit, feedback by the complaint's reply,
            intake by POST /v1/tickets/{id}/respond, billing by pricing a parts order
        responded_at (datetime.datetime | None): intake's clock: when it was answered
        response_breached_at (datetime.datetime | None):
        complete_by (datetime.datetime | None): the deadline to finish, if the kind has one
        completion_breached_at (datetime.datetime | None):
        paused_seconds (int): time paused so far, excluded from every clock
    """

    respond_by: datetime.datetime
    respond_clock: SlaRespondClock
    responded_at: datetime.datetime | None
    response_breached_at: datetime.datetime | None
    complete_by: datetime.datetime | None
    completion_breached_at: datetime.datetime | None
    paused_seconds: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        respond_by = self.respond_by.isoformat()

        respond_clock = self.respond_clock.value

        responded_at: None | str
        if isinstance(self.responded_at, datetime.datetime):
            responded_at = self.responded_at.isoformat()
        else:
            responded_at = self.responded_at

        response_breached_at: None | str
        if isinstance(self.response_breached_at, datetime.datetime):
            response_breached_at = self.response_breached_at.isoformat()
        else:
            response_breached_at = self.response_breached_at

        complete_by: None | str
        if isinstance(self.complete_by, datetime.datetime):
            complete_by = self.complete_by.isoformat()
        else:
            complete_by = self.complete_by

        completion_breached_at: None | str
        if isinstance(self.completion_breached_at, datetime.datetime):
            completion_breached_at = self.completion_breached_at.isoformat()
        else:
            completion_breached_at = self.completion_breached_at

        paused_seconds = self.paused_seconds

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "respond_by": respond_by,
                "respond_clock": respond_clock,
                "responded_at": responded_at,
                "response_breached_at": response_breached_at,
                "complete_by": complete_by,
                "completion_breached_at": completion_breached_at,
                "paused_seconds": paused_seconds,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        respond_by = datetime.datetime.fromisoformat(d.pop("respond_by"))

        respond_clock = SlaRespondClock(d.pop("respond_clock"))

        def _parse_responded_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                responded_at_type_0 = datetime.datetime.fromisoformat(data)

                return responded_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        responded_at = _parse_responded_at(d.pop("responded_at"))

        def _parse_response_breached_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                response_breached_at_type_0 = datetime.datetime.fromisoformat(data)

                return response_breached_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        response_breached_at = _parse_response_breached_at(
            d.pop("response_breached_at")
        )

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

        def _parse_completion_breached_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                completion_breached_at_type_0 = datetime.datetime.fromisoformat(data)

                return completion_breached_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        completion_breached_at = _parse_completion_breached_at(
            d.pop("completion_breached_at")
        )

        paused_seconds = d.pop("paused_seconds")

        sla = cls(
            respond_by=respond_by,
            respond_clock=respond_clock,
            responded_at=responded_at,
            response_breached_at=response_breached_at,
            complete_by=complete_by,
            completion_breached_at=completion_breached_at,
            paused_seconds=paused_seconds,
        )

        sla.additional_properties = d
        return sla

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
