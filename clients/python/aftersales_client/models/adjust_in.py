from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.billing_money_in import BillingMoneyIn


T = TypeVar("T", bound="AdjustIn")


@_attrs_define
class AdjustIn:
    """
    Attributes:
        note (str):
        credit (BillingMoneyIn | None | Unset): a credit note: what the customer no longer owes
        supplementary (BillingMoneyIn | None | Unset): a supplementary charge: what the customer owes more
        point_deduction (BillingMoneyIn | None | Unset): deducted from the point's settlement in the first open month
            (the work it is paid for was less)
    """

    note: str
    credit: BillingMoneyIn | None | Unset = UNSET
    supplementary: BillingMoneyIn | None | Unset = UNSET
    point_deduction: BillingMoneyIn | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.billing_money_in import BillingMoneyIn

        note = self.note

        credit: dict[str, Any] | None | Unset
        if isinstance(self.credit, Unset):
            credit = UNSET
        elif isinstance(self.credit, BillingMoneyIn):
            credit = self.credit.to_dict()
        else:
            credit = self.credit

        supplementary: dict[str, Any] | None | Unset
        if isinstance(self.supplementary, Unset):
            supplementary = UNSET
        elif isinstance(self.supplementary, BillingMoneyIn):
            supplementary = self.supplementary.to_dict()
        else:
            supplementary = self.supplementary

        point_deduction: dict[str, Any] | None | Unset
        if isinstance(self.point_deduction, Unset):
            point_deduction = UNSET
        elif isinstance(self.point_deduction, BillingMoneyIn):
            point_deduction = self.point_deduction.to_dict()
        else:
            point_deduction = self.point_deduction

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "note": note,
            }
        )
        if credit is not UNSET:
            field_dict["credit"] = credit
        if supplementary is not UNSET:
            field_dict["supplementary"] = supplementary
        if point_deduction is not UNSET:
            field_dict["point_deduction"] = point_deduction

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.billing_money_in import BillingMoneyIn

        d = dict(src_dict)
        note = d.pop("note")

        def _parse_credit(data: object) -> BillingMoneyIn | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                credit_type_0 = BillingMoneyIn.from_dict(data)

                return credit_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BillingMoneyIn | None | Unset, data)

        credit = _parse_credit(d.pop("credit", UNSET))

        def _parse_supplementary(data: object) -> BillingMoneyIn | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                supplementary_type_0 = BillingMoneyIn.from_dict(data)

                return supplementary_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BillingMoneyIn | None | Unset, data)

        supplementary = _parse_supplementary(d.pop("supplementary", UNSET))

        def _parse_point_deduction(data: object) -> BillingMoneyIn | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                point_deduction_type_0 = BillingMoneyIn.from_dict(data)

                return point_deduction_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BillingMoneyIn | None | Unset, data)

        point_deduction = _parse_point_deduction(d.pop("point_deduction", UNSET))

        adjust_in = cls(
            note=note,
            credit=credit,
            supplementary=supplementary,
            point_deduction=point_deduction,
        )

        return adjust_in
