from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="AdjustmentIn")


@_attrs_define
class AdjustmentIn:
    """
    Attributes:
        location_id (UUID):
        sku (str):
        qty (int): signed; not zero
        reason (str):
    """

    location_id: UUID
    sku: str
    qty: int
    reason: str

    def to_dict(self) -> dict[str, Any]:
        location_id = str(self.location_id)

        sku = self.sku

        qty = self.qty

        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "location_id": location_id,
                "sku": sku,
                "qty": qty,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        location_id = UUID(d.pop("location_id"))

        sku = d.pop("sku")

        qty = d.pop("qty")

        reason = d.pop("reason")

        adjustment_in = cls(
            location_id=location_id,
            sku=sku,
            qty=qty,
            reason=reason,
        )

        return adjustment_in
