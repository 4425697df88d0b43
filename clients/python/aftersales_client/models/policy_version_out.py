from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PolicyVersionOut")


@_attrs_define
class PolicyVersionOut:
    """
    Attributes:
        number (int):
        value (Any):
        effective_from (datetime.datetime):
        note (str):
        proposed_by (str):
        proposed_at (datetime.datetime):
        approved_by (None | str):
        approved_at (datetime.datetime | None):
        in_force_from (datetime.datetime | None): The later of effective_from and the approval; null while pending.
        status (str): pending or approved
    """

    number: int
    value: Any
    effective_from: datetime.datetime
    note: str
    proposed_by: str
    proposed_at: datetime.datetime
    approved_by: None | str
    approved_at: datetime.datetime | None
    in_force_from: datetime.datetime | None
    status: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        number = self.number

        value = self.value

        effective_from = self.effective_from.isoformat()

        note = self.note

        proposed_by = self.proposed_by

        proposed_at = self.proposed_at.isoformat()

        approved_by: None | str
        approved_by = self.approved_by

        approved_at: None | str
        if isinstance(self.approved_at, datetime.datetime):
            approved_at = self.approved_at.isoformat()
        else:
            approved_at = self.approved_at

        in_force_from: None | str
        if isinstance(self.in_force_from, datetime.datetime):
            in_force_from = self.in_force_from.isoformat()
        else:
            in_force_from = self.in_force_from

        status = self.status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "number": number,
                "value": value,
                "effective_from": effective_from,
                "note": note,
                "proposed_by": proposed_by,
                "proposed_at": proposed_at,
                "approved_by": approved_by,
                "approved_at": approved_at,
                "in_force_from": in_force_from,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        number = d.pop("number")

        value = d.pop("value")

        effective_from = datetime.datetime.fromisoformat(d.pop("effective_from"))

        note = d.pop("note")

        proposed_by = d.pop("proposed_by")

        proposed_at = datetime.datetime.fromisoformat(d.pop("proposed_at"))

        def _parse_approved_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        approved_by = _parse_approved_by(d.pop("approved_by"))

        def _parse_approved_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                approved_at_type_0 = datetime.datetime.fromisoformat(data)

                return approved_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        approved_at = _parse_approved_at(d.pop("approved_at"))

        def _parse_in_force_from(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                in_force_from_type_0 = datetime.datetime.fromisoformat(data)

                return in_force_from_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        in_force_from = _parse_in_force_from(d.pop("in_force_from"))

        status = d.pop("status")

        policy_version_out = cls(
            number=number,
            value=value,
            effective_from=effective_from,
            note=note,
            proposed_by=proposed_by,
            proposed_at=proposed_at,
            approved_by=approved_by,
            approved_at=approved_at,
            in_force_from=in_force_from,
            status=status,
        )

        policy_version_out.additional_properties = d
        return policy_version_out

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
