from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.warranty_remedy_in_remedy import WarrantyRemedyInRemedy
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.intake_money_in import IntakeMoneyIn


T = TypeVar("T", bound="WarrantyRemedyIn")


@_attrs_define
class WarrantyRemedyIn:
    """
    Attributes:
        remedy (WarrantyRemedyInRemedy):
        reason (str):
        new_serial_no (None | str | Unset): replace: the new unit's serial
        new_model (None | str | Unset):
        refund (IntakeMoneyIn | None | Unset): refund: the amount to pay back
    """

    remedy: WarrantyRemedyInRemedy
    reason: str
    new_serial_no: None | str | Unset = UNSET
    new_model: None | str | Unset = UNSET
    refund: IntakeMoneyIn | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.intake_money_in import IntakeMoneyIn

        remedy = self.remedy.value

        reason = self.reason

        new_serial_no: None | str | Unset
        if isinstance(self.new_serial_no, Unset):
            new_serial_no = UNSET
        else:
            new_serial_no = self.new_serial_no

        new_model: None | str | Unset
        if isinstance(self.new_model, Unset):
            new_model = UNSET
        else:
            new_model = self.new_model

        refund: dict[str, Any] | None | Unset
        if isinstance(self.refund, Unset):
            refund = UNSET
        elif isinstance(self.refund, IntakeMoneyIn):
            refund = self.refund.to_dict()
        else:
            refund = self.refund

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "remedy": remedy,
                "reason": reason,
            }
        )
        if new_serial_no is not UNSET:
            field_dict["new_serial_no"] = new_serial_no
        if new_model is not UNSET:
            field_dict["new_model"] = new_model
        if refund is not UNSET:
            field_dict["refund"] = refund

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.intake_money_in import IntakeMoneyIn

        d = dict(src_dict)
        remedy = WarrantyRemedyInRemedy(d.pop("remedy"))

        reason = d.pop("reason")

        def _parse_new_serial_no(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        new_serial_no = _parse_new_serial_no(d.pop("new_serial_no", UNSET))

        def _parse_new_model(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        new_model = _parse_new_model(d.pop("new_model", UNSET))

        def _parse_refund(data: object) -> IntakeMoneyIn | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                refund_type_0 = IntakeMoneyIn.from_dict(data)

                return refund_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(IntakeMoneyIn | None | Unset, data)

        refund = _parse_refund(d.pop("refund", UNSET))

        warranty_remedy_in = cls(
            remedy=remedy,
            reason=reason,
            new_serial_no=new_serial_no,
            new_model=new_model,
            refund=refund,
        )

        return warranty_remedy_in
