from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="PartPrice")


@_attrs_define
class PartPrice:
    """
    Attributes:
        price (int): integer minor units (fen)
        cost (int): what the company bears when it gives the part away
    """

    price: int
    cost: int

    def to_dict(self) -> dict[str, Any]:
        price = self.price

        cost = self.cost

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "price": price,
                "cost": cost,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        price = d.pop("price")

        cost = d.pop("cost")

        part_price = cls(
            price=price,
            cost=cost,
        )

        return part_price
