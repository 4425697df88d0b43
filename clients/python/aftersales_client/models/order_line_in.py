from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="OrderLineIn")


@_attrs_define
class OrderLineIn:
    """
    Attributes:
        sku (str):
        qty (int):
    """

    sku: str
    qty: int

    def to_dict(self) -> dict[str, Any]:
        sku = self.sku

        qty = self.qty

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "sku": sku,
                "qty": qty,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        sku = d.pop("sku")

        qty = d.pop("qty")

        order_line_in = cls(
            sku=sku,
            qty=qty,
        )

        return order_line_in
