from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.address_in import AddressIn
    from ..models.intake_money_in import IntakeMoneyIn


T = TypeVar("T", bound="ProductPatch")


@_attrs_define
class ProductPatch:
    """Fields left out stay as they are; ``null`` clears one. The sale's facts (price, seller,
    proof) are the information centre's to set after registration (a CRM gives them when it
    registers the product).

        Attributes:
            installation_address (AddressIn | None | Unset): visits go here; null: back to the owner's address
            notes (None | str | Unset):
            purchase_price (IntakeMoneyIn | None | Unset):
            sold_by (None | str | Unset):
            proof_ref (None | str | Unset):
    """

    installation_address: AddressIn | None | Unset = UNSET
    notes: None | str | Unset = UNSET
    purchase_price: IntakeMoneyIn | None | Unset = UNSET
    sold_by: None | str | Unset = UNSET
    proof_ref: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.address_in import AddressIn
        from ..models.intake_money_in import IntakeMoneyIn

        installation_address: dict[str, Any] | None | Unset
        if isinstance(self.installation_address, Unset):
            installation_address = UNSET
        elif isinstance(self.installation_address, AddressIn):
            installation_address = self.installation_address.to_dict()
        else:
            installation_address = self.installation_address

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        purchase_price: dict[str, Any] | None | Unset
        if isinstance(self.purchase_price, Unset):
            purchase_price = UNSET
        elif isinstance(self.purchase_price, IntakeMoneyIn):
            purchase_price = self.purchase_price.to_dict()
        else:
            purchase_price = self.purchase_price

        sold_by: None | str | Unset
        if isinstance(self.sold_by, Unset):
            sold_by = UNSET
        else:
            sold_by = self.sold_by

        proof_ref: None | str | Unset
        if isinstance(self.proof_ref, Unset):
            proof_ref = UNSET
        else:
            proof_ref = self.proof_ref

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if installation_address is not UNSET:
            field_dict["installation_address"] = installation_address
        if notes is not UNSET:
            field_dict["notes"] = notes
        if purchase_price is not UNSET:
            field_dict["purchase_price"] = purchase_price
        if sold_by is not UNSET:
            field_dict["sold_by"] = sold_by
        if proof_ref is not UNSET:
            field_dict["proof_ref"] = proof_ref

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.address_in import AddressIn
        from ..models.intake_money_in import IntakeMoneyIn

        d = dict(src_dict)

        def _parse_installation_address(data: object) -> AddressIn | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                installation_address_type_0 = AddressIn.from_dict(data)

                return installation_address_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AddressIn | None | Unset, data)

        installation_address = _parse_installation_address(
            d.pop("installation_address", UNSET)
        )

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        def _parse_purchase_price(data: object) -> IntakeMoneyIn | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                purchase_price_type_0 = IntakeMoneyIn.from_dict(data)

                return purchase_price_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(IntakeMoneyIn | None | Unset, data)

        purchase_price = _parse_purchase_price(d.pop("purchase_price", UNSET))

        def _parse_sold_by(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        sold_by = _parse_sold_by(d.pop("sold_by", UNSET))

        def _parse_proof_ref(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        proof_ref = _parse_proof_ref(d.pop("proof_ref", UNSET))

        product_patch = cls(
            installation_address=installation_address,
            notes=notes,
            purchase_price=purchase_price,
            sold_by=sold_by,
            proof_ref=proof_ref,
        )

        return product_patch
