from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.billing_money_in import BillingMoneyIn


T = TypeVar("T", bound="StatementLineIn")


@_attrs_define
class StatementLineIn:
    """
    Attributes:
        reference (str):
        amount (BillingMoneyIn):
    """

    reference: str
    amount: BillingMoneyIn

    def to_dict(self) -> dict[str, Any]:
        reference = self.reference

        amount = self.amount.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "reference": reference,
                "amount": amount,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.billing_money_in import BillingMoneyIn

        d = dict(src_dict)
        reference = d.pop("reference")

        amount = BillingMoneyIn.from_dict(d.pop("amount"))

        statement_line_in = cls(
            reference=reference,
            amount=amount,
        )

        return statement_line_in
