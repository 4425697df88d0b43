from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.billing_money import BillingMoney


T = TypeVar("T", bound="CreditNoteOut")


@_attrs_define
class CreditNoteOut:
    """
    Attributes:
        id (UUID):
        number (str):
        charge_id (UUID):
        invoice_id (None | UUID):
        amount (BillingMoney):
        reason (str):
        issued_by (str):
        issued_at (datetime.datetime):
    """

    id: UUID
    number: str
    charge_id: UUID
    invoice_id: None | UUID
    amount: BillingMoney
    reason: str
    issued_by: str
    issued_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        number = self.number

        charge_id = str(self.charge_id)

        invoice_id: None | str
        if isinstance(self.invoice_id, UUID):
            invoice_id = str(self.invoice_id)
        else:
            invoice_id = self.invoice_id

        amount = self.amount.to_dict()

        reason = self.reason

        issued_by = self.issued_by

        issued_at = self.issued_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "number": number,
                "charge_id": charge_id,
                "invoice_id": invoice_id,
                "amount": amount,
                "reason": reason,
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

        charge_id = UUID(d.pop("charge_id"))

        def _parse_invoice_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                invoice_id_type_0 = UUID(data)

                return invoice_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        invoice_id = _parse_invoice_id(d.pop("invoice_id"))

        amount = BillingMoney.from_dict(d.pop("amount"))

        reason = d.pop("reason")

        issued_by = d.pop("issued_by")

        issued_at = datetime.datetime.fromisoformat(d.pop("issued_at"))

        credit_note_out = cls(
            id=id,
            number=number,
            charge_id=charge_id,
            invoice_id=invoice_id,
            amount=amount,
            reason=reason,
            issued_by=issued_by,
            issued_at=issued_at,
        )

        credit_note_out.additional_properties = d
        return credit_note_out

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
