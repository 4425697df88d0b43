from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="RouteIn")


@_attrs_define
class RouteIn:
    """
    Attributes:
        point_id (None | Unset | UUID): offer to this point; leave out to route automatically again
        note (None | str | Unset):
    """

    point_id: None | Unset | UUID = UNSET
    note: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        point_id: None | str | Unset
        if isinstance(self.point_id, Unset):
            point_id = UNSET
        elif isinstance(self.point_id, UUID):
            point_id = str(self.point_id)
        else:
            point_id = self.point_id

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if point_id is not UNSET:
            field_dict["point_id"] = point_id
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_point_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                point_id_type_0 = UUID(data)

                return point_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        point_id = _parse_point_id(d.pop("point_id", UNSET))

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        route_in = cls(
            point_id=point_id,
            note=note,
        )

        return route_in
