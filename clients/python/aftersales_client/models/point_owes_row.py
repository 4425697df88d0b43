from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PointOwesRow")


@_attrs_define
class PointOwesRow:
    """
    Attributes:
        point_id (UUID):
        code (None | str):
        shortfall_units (int):
        shortfall_value (int): fen, at the parts' standard cost
        returns_outstanding (int):
        returns_overdue (int):
    """

    point_id: UUID
    code: None | str
    shortfall_units: int
    shortfall_value: int
    returns_outstanding: int
    returns_overdue: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        point_id = str(self.point_id)

        code: None | str
        code = self.code

        shortfall_units = self.shortfall_units

        shortfall_value = self.shortfall_value

        returns_outstanding = self.returns_outstanding

        returns_overdue = self.returns_overdue

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "point_id": point_id,
                "code": code,
                "shortfall_units": shortfall_units,
                "shortfall_value": shortfall_value,
                "returns_outstanding": returns_outstanding,
                "returns_overdue": returns_overdue,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        point_id = UUID(d.pop("point_id"))

        def _parse_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        code = _parse_code(d.pop("code"))

        shortfall_units = d.pop("shortfall_units")

        shortfall_value = d.pop("shortfall_value")

        returns_outstanding = d.pop("returns_outstanding")

        returns_overdue = d.pop("returns_overdue")

        point_owes_row = cls(
            point_id=point_id,
            code=code,
            shortfall_units=shortfall_units,
            shortfall_value=shortfall_value,
            returns_outstanding=returns_outstanding,
            returns_overdue=returns_overdue,
        )

        point_owes_row.additional_properties = d
        return point_owes_row

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
