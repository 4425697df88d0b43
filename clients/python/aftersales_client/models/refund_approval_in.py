from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.billing_money_in import BillingMoneyIn


T = TypeVar("T", bound="RefundApprovalIn")


@_attrs_define
class RefundApprovalIn:
    """
    Attributes:
        amount (BillingMoneyIn):
        note (str):
    """

    amount: BillingMoneyIn
    note: str

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount.to_dict()

        note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "amount": amount,
                "note": note,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.billing_money_in import BillingMoneyIn

        d = dict(src_dict)
        amount = BillingMoneyIn.from_dict(d.pop("amount"))

        note = d.pop("note")

        refund_approval_in = cls(
            amount=amount,
            note=note,
        )

        return refund_approval_in
