from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.address_in import AddressIn


T = TypeVar("T", bound="ProductPatch")


@_attrs_define
class ProductPatch:
    """Fields left out stay as they are; ``null`` clears one.

    Attributes:
        installation_address (AddressIn | None | Unset): visits go here; null: back to the owner's address
        notes (None | str | Unset):
    """

    installation_address: AddressIn | None | Unset = UNSET
    notes: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.address_in import AddressIn

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

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if installation_address is not UNSET:
            field_dict["installation_address"] = installation_address
        if notes is not UNSET:
            field_dict["notes"] = notes

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.address_in import AddressIn

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

        product_patch = cls(
            installation_address=installation_address,
            notes=notes,
        )

        return product_patch
