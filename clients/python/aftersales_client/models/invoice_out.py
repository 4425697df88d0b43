from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.billing_money import BillingMoney


T = TypeVar("T", bound="InvoiceOut")


@_attrs_define
class InvoiceOut:
    """
    Attributes:
        id (UUID):
        number (str):
        year (int):
        charge_id (UUID):
        amount (BillingMoney):
        automatic (bool):
        paid (bool): the charge was paid in full (on site) when it was invoiced
        issued_by (str):
        issued_at (datetime.datetime):
    """

    id: UUID
    number: str
    year: int
    charge_id: UUID
    amount: BillingMoney
    automatic: bool
    paid: bool
    issued_by: str
    issued_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        number = self.number

        year = self.year

        charge_id = str(self.charge_id)

        amount = self.amount.to_dict()

        automatic = self.automatic

        paid = self.paid

        issued_by = self.issued_by

        issued_at = self.issued_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "number": number,
                "year": year,
                "charge_id": charge_id,
                "amount": amount,
                "automatic": automatic,
                "paid": paid,
                "issued_by": issued_by,
                "issued_at": issued_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.billing_money import BillingMoney

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        number = d.pop("number")

        year = d.pop("year")

        charge_id = UUID(d.pop("charge_id"))

        amount = BillingMoney.from_dict(d.pop("amount"))

        automatic = d.pop("automatic")

        paid = d.pop("paid")

        issued_by = d.pop("issued_by")

        issued_at = datetime.datetime.fromisoformat(d.pop("issued_at"))

        invoice_out = cls(
            id=id,
            number=number,
            year=year,
            charge_id=charge_id,
            amount=amount,
            automatic=automatic,
            paid=paid,
            issued_by=issued_by,
            issued_at=issued_at,
        )

        invoice_out.additional_properties = d
        return invoice_out

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
