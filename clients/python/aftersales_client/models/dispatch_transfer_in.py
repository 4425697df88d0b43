from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.stock_line_in import StockLineIn


T = TypeVar("T", bound="DispatchTransferIn")


@_attrs_define
class DispatchTransferIn:
    """
    Attributes:
        from_location_id (UUID):
        to_location_id (UUID):
        lines (list[StockLineIn]):
    """

    from_location_id: UUID
    to_location_id: UUID
    lines: list[StockLineIn]

    def to_dict(self) -> dict[str, Any]:
        from_location_id = str(self.from_location_id)

        to_location_id = str(self.to_location_id)

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "from_location_id": from_location_id,
                "to_location_id": to_location_id,
                "lines": lines,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.stock_line_in import StockLineIn

        d = dict(src_dict)
        from_location_id = UUID(d.pop("from_location_id"))

        to_location_id = UUID(d.pop("to_location_id"))

        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = StockLineIn.from_dict(lines_item_data)

            lines.append(lines_item)

        dispatch_transfer_in = cls(
            from_location_id=from_location_id,
            to_location_id=to_location_id,
            lines=lines,
        )

        return dispatch_transfer_in
