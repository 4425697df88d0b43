from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.payment_in_method import PaymentInMethod
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.billing_money_in import BillingMoneyIn


T = TypeVar("T", bound="PaymentIn")


@_attrs_define
class PaymentIn:
    """
    Attributes:
        method (PaymentInMethod): wallet: WeChat Pay, Alipay
        amount (BillingMoneyIn):
        reference (None | str | Unset): the provider's reference (card slip, transfer, wallet transaction): required for
            anything but cash
    """

    method: PaymentInMethod
    amount: BillingMoneyIn
    reference: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        method = self.method.value

        amount = self.amount.to_dict()

        reference: None | str | Unset
        if isinstance(self.reference, Unset):
            reference = UNSET
        else:
            reference = self.reference

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "method": method,
                "amount": amount,
            }
        )
        if reference is not UNSET:
            field_dict["reference"] = reference

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.billing_money_in import BillingMoneyIn

        d = dict(src_dict)
        method = PaymentInMethod(d.pop("method"))

        amount = BillingMoneyIn.from_dict(d.pop("amount"))

        def _parse_reference(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reference = _parse_reference(d.pop("reference", UNSET))

        payment_in = cls(
            method=method,
            amount=amount,
            reference=reference,
        )

        return payment_in
