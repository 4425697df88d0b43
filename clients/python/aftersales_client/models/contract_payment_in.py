from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.contract_payment_in_method import ContractPaymentInMethod

if TYPE_CHECKING:
    from ..models.billing_money_in import BillingMoneyIn


T = TypeVar("T", bound="ContractPaymentIn")


@_attrs_define
class ContractPaymentIn:
    """
    Attributes:
        method (ContractPaymentInMethod):
        amount (BillingMoneyIn):
    """

    method: ContractPaymentInMethod
    amount: BillingMoneyIn

    def to_dict(self) -> dict[str, Any]:
        method = self.method.value

        amount = self.amount.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "method": method,
                "amount": amount,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.billing_money_in import BillingMoneyIn

        d = dict(src_dict)
        method = ContractPaymentInMethod(d.pop("method"))

        amount = BillingMoneyIn.from_dict(d.pop("amount"))

        contract_payment_in = cls(
            method=method,
            amount=amount,
        )

        return contract_payment_in
