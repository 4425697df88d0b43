from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.staff_detail_role import StaffDetailRole
from ..models.staff_detail_source import StaffDetailSource
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.fine_out import FineOut
    from ..models.strike_out import StrikeOut


T = TypeVar("T", bound="StaffDetail")


@_attrs_define
class StaffDetail:
    """
    Attributes:
        id (UUID):
        role (StaffDetailRole):
        name (None | str):
        point_id (None | UUID):
        subject (None | str):
        source (StaffDetailSource):
        active (bool):
        version (int):
        created_at (datetime.datetime):
        window_days (int | None): null: strikes count for life
        strikes_in_window (int):
        current_action (None | str):
        dismissed (bool):
        strikes (list[StrikeOut]):
        fines (list[FineOut] | Unset): money penalties (a reception complaint's)
    """

    id: UUID
    role: StaffDetailRole
    name: None | str
    point_id: None | UUID
    subject: None | str
    source: StaffDetailSource
    active: bool
    version: int
    created_at: datetime.datetime
    window_days: int | None
    strikes_in_window: int
    current_action: None | str
    dismissed: bool
    strikes: list[StrikeOut]
    fines: list[FineOut] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        role = self.role.value

        name: None | str
        name = self.name

        point_id: None | str
        if isinstance(self.point_id, UUID):
            point_id = str(self.point_id)
        else:
            point_id = self.point_id

        subject: None | str
        subject = self.subject

        source = self.source.value

        active = self.active

        version = self.version

        created_at = self.created_at.isoformat()

        window_days: int | None
        window_days = self.window_days

        strikes_in_window = self.strikes_in_window

        current_action: None | str
        current_action = self.current_action

        dismissed = self.dismissed

        strikes = []
        for strikes_item_data in self.strikes:
            strikes_item = strikes_item_data.to_dict()
            strikes.append(strikes_item)

        fines: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.fines, Unset):
            fines = []
            for fines_item_data in self.fines:
                fines_item = fines_item_data.to_dict()
                fines.append(fines_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "role": role,
                "name": name,
                "point_id": point_id,
                "subject": subject,
                "source": source,
                "active": active,
                "version": version,
                "created_at": created_at,
                "window_days": window_days,
                "strikes_in_window": strikes_in_window,
                "current_action": current_action,
                "dismissed": dismissed,
                "strikes": strikes,
            }
        )
        if fines is not UNSET:
            field_dict["fines"] = fines

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.fine_out import FineOut
        from ..models.strike_out import StrikeOut

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        role = StaffDetailRole(d.pop("role"))

        def _parse_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        name = _parse_name(d.pop("name"))

        def _parse_point_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                point_id_type_0 = UUID(data)

                return point_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        point_id = _parse_point_id(d.pop("point_id"))

        def _parse_subject(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        subject = _parse_subject(d.pop("subject"))

        source = StaffDetailSource(d.pop("source"))

        active = d.pop("active")

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_window_days(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        window_days = _parse_window_days(d.pop("window_days"))

        strikes_in_window = d.pop("strikes_in_window")

        def _parse_current_action(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        current_action = _parse_current_action(d.pop("current_action"))

        dismissed = d.pop("dismissed")

        strikes = []
        _strikes = d.pop("strikes")
        for strikes_item_data in _strikes:
            strikes_item = StrikeOut.from_dict(strikes_item_data)

            strikes.append(strikes_item)

        _fines = d.pop("fines", UNSET)
        fines: list[FineOut] | Unset = UNSET
        if _fines is not UNSET:
            fines = []
            for fines_item_data in _fines:
                fines_item = FineOut.from_dict(fines_item_data)

                fines.append(fines_item)

        staff_detail = cls(
            id=id,
            role=role,
            name=name,
            point_id=point_id,
            subject=subject,
            source=source,
            active=active,
            version=version,
            created_at=created_at,
            window_days=window_days,
            strikes_in_window=strikes_in_window,
            current_action=current_action,
            dismissed=dismissed,
            strikes=strikes,
            fines=fines,
        )

        staff_detail.additional_properties = d
        return staff_detail

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
