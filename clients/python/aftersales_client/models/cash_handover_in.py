from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="CashHandoverIn")


@_attrs_define
class CashHandoverIn:
    """
    Attributes:
        technician_id (UUID):
        payment_ids (list[UUID]):
    """

    technician_id: UUID
    payment_ids: list[UUID]

    def to_dict(self) -> dict[str, Any]:
        technician_id = str(self.technician_id)

        payment_ids = []
        for payment_ids_item_data in self.payment_ids:
            payment_ids_item = str(payment_ids_item_data)
            payment_ids.append(payment_ids_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "technician_id": technician_id,
                "payment_ids": payment_ids,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        technician_id = UUID(d.pop("technician_id"))

        payment_ids = []
        _payment_ids = d.pop("payment_ids")
        for payment_ids_item_data in _payment_ids:
            payment_ids_item = UUID(payment_ids_item_data)

            payment_ids.append(payment_ids_item)

        cash_handover_in = cls(
            technician_id=technician_id,
            payment_ids=payment_ids,
        )

        return cash_handover_in
