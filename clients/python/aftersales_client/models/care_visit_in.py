from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CareVisitIn")


@_attrs_define
class CareVisitIn:
    """
    Attributes:
        visited_on (datetime.date):
        staff (str):
        notes (None | str | Unset):
    """

    visited_on: datetime.date
    staff: str
    notes: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        visited_on = self.visited_on.isoformat()

        staff = self.staff

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "visited_on": visited_on,
                "staff": staff,
            }
        )
        if notes is not UNSET:
            field_dict["notes"] = notes

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        visited_on = datetime.date.fromisoformat(d.pop("visited_on"))

        staff = d.pop("staff")

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        care_visit_in = cls(
            visited_on=visited_on,
            staff=staff,
            notes=notes,
        )

        return care_visit_in
