from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.billing_money import BillingMoney
    from ..models.ledger_payment_out import LedgerPaymentOut


T = TypeVar("T", bound="ReconciliationOut")


@_attrs_define
class ReconciliationOut:
    """
    Attributes:
        id (UUID):
        method (str):
        statement_ref (str):
        payments (list[LedgerPaymentOut]):
        amount (BillingMoney):
        reconciled_by (str):
        reconciled_at (datetime.datetime):
        reversed_in (None | str | Unset): the month whose settlement gives back deductions made for these payments
    """

    id: UUID
    method: str
    statement_ref: str
    payments: list[LedgerPaymentOut]
    amount: BillingMoney
    reconciled_by: str
    reconciled_at: datetime.datetime
    reversed_in: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        method = self.method

        statement_ref = self.statement_ref

        payments = []
        for payments_item_data in self.payments:
            payments_item = payments_item_data.to_dict()
            payments.append(payments_item)

        amount = self.amount.to_dict()

        reconciled_by = self.reconciled_by

        reconciled_at = self.reconciled_at.isoformat()

        reversed_in: None | str | Unset
        if isinstance(self.reversed_in, Unset):
            reversed_in = UNSET
        else:
            reversed_in = self.reversed_in

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "method": method,
                "statement_ref": statement_ref,
                "payments": payments,
                "amount": amount,
                "reconciled_by": reconciled_by,
                "reconciled_at": reconciled_at,
            }
        )
        if reversed_in is not UNSET:
            field_dict["reversed_in"] = reversed_in

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.billing_money import BillingMoney
        from ..models.ledger_payment_out import LedgerPaymentOut

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        method = d.pop("method")

        statement_ref = d.pop("statement_ref")

        payments = []
        _payments = d.pop("payments")
        for payments_item_data in _payments:
            payments_item = LedgerPaymentOut.from_dict(payments_item_data)

            payments.append(payments_item)

        amount = BillingMoney.from_dict(d.pop("amount"))

        reconciled_by = d.pop("reconciled_by")

        reconciled_at = datetime.datetime.fromisoformat(d.pop("reconciled_at"))

        def _parse_reversed_in(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reversed_in = _parse_reversed_in(d.pop("reversed_in", UNSET))

        reconciliation_out = cls(
            id=id,
            method=method,
            statement_ref=statement_ref,
            payments=payments,
            amount=amount,
            reconciled_by=reconciled_by,
            reconciled_at=reconciled_at,
            reversed_in=reversed_in,
        )

        reconciliation_out.additional_properties = d
        return reconciliation_out

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
