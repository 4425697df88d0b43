from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.stock_value_row_kind import StockValueRowKind

T = TypeVar("T", bound="StockValueRow")


@_attrs_define
class StockValueRow:
    """
    Attributes:
        location_id (UUID):
        code (None | str): the warehouse's or the point's code
        kind (StockValueRowKind):
        units (int):
        value (int): fen, on hand at the parts' standard cost
        uncosted_skus (int): SKUs on hand without a standard cost (valued at 0)
    """

    location_id: UUID
    code: None | str
    kind: StockValueRowKind
    units: int
    value: int
    uncosted_skus: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        location_id = str(self.location_id)

        code: None | str
        code = self.code

        kind = self.kind.value

        units = self.units

        value = self.value

        uncosted_skus = self.uncosted_skus

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "location_id": location_id,
                "code": code,
                "kind": kind,
                "units": units,
                "value": value,
                "uncosted_skus": uncosted_skus,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        location_id = UUID(d.pop("location_id"))

        def _parse_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        code = _parse_code(d.pop("code"))

        kind = StockValueRowKind(d.pop("kind"))

        units = d.pop("units")

        value = d.pop("value")

        uncosted_skus = d.pop("uncosted_skus")

        stock_value_row = cls(
            location_id=location_id,
            code=code,
            kind=kind,
            units=units,
            value=value,
            uncosted_skus=uncosted_skus,
        )

        stock_value_row.additional_properties = d
        return stock_value_row

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
