from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="CashRemittanceIn")


@_attrs_define
class CashRemittanceIn:
    """
    Attributes:
        point_id (UUID):
        payment_ids (list[UUID]):
        reference (str): the remittance's own reference, e.g. the transfer's
    """

    point_id: UUID
    payment_ids: list[UUID]
    reference: str

    def to_dict(self) -> dict[str, Any]:
        point_id = str(self.point_id)

        payment_ids = []
        for payment_ids_item_data in self.payment_ids:
            payment_ids_item = str(payment_ids_item_data)
            payment_ids.append(payment_ids_item)

        reference = self.reference

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "point_id": point_id,
                "payment_ids": payment_ids,
                "reference": reference,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        point_id = UUID(d.pop("point_id"))

        payment_ids = []
        _payment_ids = d.pop("payment_ids")
        for payment_ids_item_data in _payment_ids:
            payment_ids_item = UUID(payment_ids_item_data)

            payment_ids.append(payment_ids_item)

        reference = d.pop("reference")

        cash_remittance_in = cls(
            point_id=point_id,
            payment_ids=payment_ids,
            reference=reference,
        )

        return cash_remittance_in
