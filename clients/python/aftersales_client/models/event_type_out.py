from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="EventTypeOut")


@_attrs_define
class EventTypeOut:
    """An event integrators may subscribe to. ``deprecated``: an older version, made for its
    subscribers from the one on the bus (``replaced_by``) until its ``sunset`` (null: none
    set, so never).

        Attributes:
            subject (str):
            version (int):
            deprecated (bool):
            replaced_by (None | str):
            sunset (datetime.date | None):
    """

    subject: str
    version: int
    deprecated: bool
    replaced_by: None | str
    sunset: datetime.date | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        subject = self.subject

        version = self.version

        deprecated = self.deprecated

        replaced_by: None | str
        replaced_by = self.replaced_by

        sunset: None | str
        if isinstance(self.sunset, datetime.date):
            sunset = self.sunset.isoformat()
        else:
            sunset = self.sunset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "subject": subject,
                "version": version,
                "deprecated": deprecated,
                "replaced_by": replaced_by,
                "sunset": sunset,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        subject = d.pop("subject")

        version = d.pop("version")

        deprecated = d.pop("deprecated")

        def _parse_replaced_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        replaced_by = _parse_replaced_by(d.pop("replaced_by"))

        def _parse_sunset(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                sunset_type_0 = datetime.date.fromisoformat(data)

                return sunset_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        sunset = _parse_sunset(d.pop("sunset"))

        event_type_out = cls(
            subject=subject,
            version=version,
            deprecated=deprecated,
            replaced_by=replaced_by,
            sunset=sunset,
        )

        event_type_out.additional_properties = d
        return event_type_out

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
