from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.billing_money_in import BillingMoneyIn


T = TypeVar("T", bound="CreditNoteIn")


@_attrs_define
class CreditNoteIn:
    """
    Attributes:
        amount (BillingMoneyIn):
        reason (str):
    """

    amount: BillingMoneyIn
    reason: str

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount.to_dict()

        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "amount": amount,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.billing_money_in import BillingMoneyIn

        d = dict(src_dict)
        amount = BillingMoneyIn.from_dict(d.pop("amount"))

        reason = d.pop("reason")

        credit_note_in = cls(
            amount=amount,
            reason=reason,
        )

        return credit_note_in
