from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.stock_line_in import StockLineIn


T = TypeVar("T", bound="ReceiptIn")


@_attrs_define
class ReceiptIn:
    """
    Attributes:
        location_id (UUID):
        lines (list[StockLineIn]):
        reference (None | str | Unset):
    """

    location_id: UUID
    lines: list[StockLineIn]
    reference: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        location_id = str(self.location_id)

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        reference: None | str | Unset
        if isinstance(self.reference, Unset):
            reference = UNSET
        else:
            reference = self.reference

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "location_id": location_id,
                "lines": lines,
            }
        )
        if reference is not UNSET:
            field_dict["reference"] = reference

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.stock_line_in import StockLineIn

        d = dict(src_dict)
        location_id = UUID(d.pop("location_id"))

        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = StockLineIn.from_dict(lines_item_data)

            lines.append(lines_item)

        def _parse_reference(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reference = _parse_reference(d.pop("reference", UNSET))

        receipt_in = cls(
            location_id=location_id,
            lines=lines,
            reference=reference,
        )

        return receipt_in
