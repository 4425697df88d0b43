from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.billing_money import BillingMoney


T = TypeVar("T", bound="CashRemittanceOut")


@_attrs_define
class CashRemittanceOut:
    """
    Attributes:
        id (UUID):
        point_id (UUID):
        reference (str):
        amount (BillingMoney):
        payments (int):
        payment_ids (list[UUID]):
        received_by (str):
        remitted_at (datetime.datetime):
    """

    id: UUID
    point_id: UUID
    reference: str
    amount: BillingMoney
    payments: int
    payment_ids: list[UUID]
    received_by: str
    remitted_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        point_id = str(self.point_id)

        reference = self.reference

        amount = self.amount.to_dict()

        payments = self.payments

        payment_ids = []
        for payment_ids_item_data in self.payment_ids:
            payment_ids_item = str(payment_ids_item_data)
            payment_ids.append(payment_ids_item)

        received_by = self.received_by

        remitted_at = self.remitted_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "point_id": point_id,
                "reference": reference,
                "amount": amount,
                "payments": payments,
                "payment_ids": payment_ids,
                "received_by": received_by,
                "remitted_at": remitted_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.billing_money import BillingMoney

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        point_id = UUID(d.pop("point_id"))

        reference = d.pop("reference")

        amount = BillingMoney.from_dict(d.pop("amount"))

        payments = d.pop("payments")

        payment_ids = []
        _payment_ids = d.pop("payment_ids")
        for payment_ids_item_data in _payment_ids:
            payment_ids_item = UUID(payment_ids_item_data)

            payment_ids.append(payment_ids_item)

        received_by = d.pop("received_by")

        remitted_at = datetime.datetime.fromisoformat(d.pop("remitted_at"))

        cash_remittance_out = cls(
            id=id,
            point_id=point_id,
            reference=reference,
            amount=amount,
            payments=payments,
            payment_ids=payment_ids,
            received_by=received_by,
            remitted_at=remitted_at,
        )

        cash_remittance_out.additional_properties = d
        return cash_remittance_out

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
