from __future__ import annotations

from collections.abc import Mapping
from typing import (
    Any,
    Literal,
    Self,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="IntakeMoneyIn")


@_attrs_define
class IntakeMoneyIn:
    """
    Attributes:
        amount (int): integer minor units (fen)
        currency (Literal['CNY'] | Unset):  Default: 'CNY'.
    """

    amount: int
    currency: Literal["CNY"] | Unset = "CNY"

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

        currency = cast(Literal["CNY"] | Unset, d.pop("currency", UNSET))
        if currency != "CNY" and not isinstance(currency, Unset):
            raise ValueError(f"currency must match const 'CNY', got '{currency}'")

        intake_money_in = cls(
            amount=amount,
            currency=currency,
        )

        return intake_money_in
