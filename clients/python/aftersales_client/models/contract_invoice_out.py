from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.contract_invoice_out_status import ContractInvoiceOutStatus

if TYPE_CHECKING:
    from ..models.billing_money import BillingMoney
    from ..models.payment_out import PaymentOut


T = TypeVar("T", bound="ContractInvoiceOut")


@_attrs_define
class ContractInvoiceOut:
    """
    Attributes:
        id (UUID):
        number (str):
        contract_id (UUID):
        period_start (datetime.date):
        period_end (datetime.date):
        amount (BillingMoney):
        paid (BillingMoney):
        balance (BillingMoney):
        status (ContractInvoiceOutStatus):
        issued_at (datetime.datetime):
        payments (list[PaymentOut]):
    """

    id: UUID
    number: str
    contract_id: UUID
    period_start: datetime.date
    period_end: datetime.date
    amount: BillingMoney
    paid: BillingMoney
    balance: BillingMoney
    status: ContractInvoiceOutStatus
    issued_at: datetime.datetime
    payments: list[PaymentOut]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        number = self.number

        contract_id = str(self.contract_id)

        period_start = self.period_start.isoformat()

        period_end = self.period_end.isoformat()

        amount = self.amount.to_dict()

        paid = self.paid.to_dict()

        balance = self.balance.to_dict()

        status = self.status.value

        issued_at = self.issued_at.isoformat()

        payments = []
        for payments_item_data in self.payments:
            payments_item = payments_item_data.to_dict()
            payments.append(payments_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "number": number,
                "contract_id": contract_id,
                "period_start": period_start,
                "period_end": period_end,
                "amount": amount,
                "paid": paid,
                "balance": balance,
                "status": status,
                "issued_at": issued_at,
                "payments": payments,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.billing_money import BillingMoney
        from ..models.payment_out import PaymentOut

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        number = d.pop("number")

        contract_id = UUID(d.pop("contract_id"))

        period_start = datetime.date.fromisoformat(d.pop("period_start"))

        period_end = datetime.date.fromisoformat(d.pop("period_end"))

        amount = BillingMoney.from_dict(d.pop("amount"))

        paid = BillingMoney.from_dict(d.pop("paid"))

        balance = BillingMoney.from_dict(d.pop("balance"))

        status = ContractInvoiceOutStatus(d.pop("status"))

        issued_at = datetime.datetime.fromisoformat(d.pop("issued_at"))

        payments = []
        _payments = d.pop("payments")
        for payments_item_data in _payments:
            payments_item = PaymentOut.from_dict(payments_item_data)

            payments.append(payments_item)

        contract_invoice_out = cls(
            id=id,
            number=number,
            contract_id=contract_id,
            period_start=period_start,
            period_end=period_end,
            amount=amount,
            paid=paid,
            balance=balance,
            status=status,
            issued_at=issued_at,
            payments=payments,
        )

        contract_invoice_out.additional_properties = d
        return contract_invoice_out

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
