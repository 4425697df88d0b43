from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="BillingMoney")


@_attrs_define
class BillingMoney:
    """
    Attributes:
        amount (int): integer minor units (fen for CNY)
        currency (str | Unset):  Default: 'CNY'.
    """

    amount: int
    currency: str | Unset = "CNY"

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        currency = self.currency

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "amount": amount,
            }
        )
        if currency is not UNSET:
            field_dict["currency"] = currency

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        amount = d.pop("amount")

        currency = d.pop("currency", UNSET)

        billing_money = cls(
            amount=amount,
            currency=currency,
        )

        return billing_money
