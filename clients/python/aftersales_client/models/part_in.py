from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.part_in_source import PartInSource
from ..types import UNSET, Unset

T = TypeVar("T", bound="PartIn")


@_attrs_define
class PartIn:
    """
    Attributes:
        sku (str):
        qty (int):
        source (PartInSource | Unset): stock: issued from the point's stock; customer: the customer supplied it Default:
            PartInSource.STOCK.
    """

    sku: str
    qty: int
    source: PartInSource | Unset = PartInSource.STOCK

    def to_dict(self) -> dict[str, Any]:
        sku = self.sku

        qty = self.qty

        source: str | Unset = UNSET
        if not isinstance(self.source, Unset):
            source = self.source.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "sku": sku,
                "qty": qty,
            }
        )
        if source is not UNSET:
            field_dict["source"] = source

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        sku = d.pop("sku")

        qty = d.pop("qty")

        _source = d.pop("source", UNSET)
        source: PartInSource | Unset
        if isinstance(_source, Unset):
            source = UNSET
        else:
            source = PartInSource(_source)

        part_in = cls(
            sku=sku,
            qty=qty,
            source=source,
        )

        return part_in
