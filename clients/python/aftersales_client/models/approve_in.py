from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.approve_line_in import ApproveLineIn


T = TypeVar("T", bound="ApproveIn")


@_attrs_define
class ApproveIn:
    """
    Attributes:
        lines (list[ApproveLineIn]):
    """

    lines: list[ApproveLineIn]

    def to_dict(self) -> dict[str, Any]:
        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "lines": lines,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.approve_line_in import ApproveLineIn

        d = dict(src_dict)
        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = ApproveLineIn.from_dict(lines_item_data)

            lines.append(lines_item)

        approve_in = cls(
            lines=lines,
        )

        return approve_in
