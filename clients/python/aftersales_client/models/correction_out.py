from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.charge_out import ChargeOut
    from ..models.credit_note_out import CreditNoteOut


T = TypeVar("T", bound="CorrectionOut")


@_attrs_define
class CorrectionOut:
    """
    Attributes:
        charge (ChargeOut):
        credit_note (CreditNoteOut | None | Unset):
        supplementary_charge (ChargeOut | None | Unset):
    """

    charge: ChargeOut
    credit_note: CreditNoteOut | None | Unset = UNSET
    supplementary_charge: ChargeOut | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.charge_out import ChargeOut
        from ..models.credit_note_out import CreditNoteOut

        charge = self.charge.to_dict()

        credit_note: dict[str, Any] | None | Unset
        if isinstance(self.credit_note, Unset):
            credit_note = UNSET
        elif isinstance(self.credit_note, CreditNoteOut):
            credit_note = self.credit_note.to_dict()
        else:
            credit_note = self.credit_note

        supplementary_charge: dict[str, Any] | None | Unset
        if isinstance(self.supplementary_charge, Unset):
            supplementary_charge = UNSET
        elif isinstance(self.supplementary_charge, ChargeOut):
            supplementary_charge = self.supplementary_charge.to_dict()
        else:
            supplementary_charge = self.supplementary_charge

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "charge": charge,
            }
        )
        if credit_note is not UNSET:
            field_dict["credit_note"] = credit_note
        if supplementary_charge is not UNSET:
            field_dict["supplementary_charge"] = supplementary_charge

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.charge_out import ChargeOut
        from ..models.credit_note_out import CreditNoteOut

        d = dict(src_dict)
        charge = ChargeOut.from_dict(d.pop("charge"))

        def _parse_credit_note(data: object) -> CreditNoteOut | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                credit_note_type_0 = CreditNoteOut.from_dict(data)

                return credit_note_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CreditNoteOut | None | Unset, data)

        credit_note = _parse_credit_note(d.pop("credit_note", UNSET))

        def _parse_supplementary_charge(data: object) -> ChargeOut | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                supplementary_charge_type_0 = ChargeOut.from_dict(data)

                return supplementary_charge_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ChargeOut | None | Unset, data)

        supplementary_charge = _parse_supplementary_charge(
            d.pop("supplementary_charge", UNSET)
        )

        correction_out = cls(
            charge=charge,
            credit_note=credit_note,
            supplementary_charge=supplementary_charge,
        )

        correction_out.additional_properties = d
        return correction_out

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
