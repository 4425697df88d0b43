from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.customer_patch_type_type_0 import CustomerPatchTypeType0
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.address_in import AddressIn


T = TypeVar("T", bound="CustomerPatch")


@_attrs_define
class CustomerPatch:
    """Contact data; fields left out stay as they are.

    Attributes:
        name (None | str | Unset):
        phone (None | str | Unset):
        email (None | str | Unset):
        address (AddressIn | None | Unset):
        external_ref (None | str | Unset):
        type_ (CustomerPatchTypeType0 | None | Unset): consumer (the default), dealer (代理) or direct (an industrial or
            fleet customer): a business customer's duties are ticket kinds of their own
    """

    name: None | str | Unset = UNSET
    phone: None | str | Unset = UNSET
    email: None | str | Unset = UNSET
    address: AddressIn | None | Unset = UNSET
    external_ref: None | str | Unset = UNSET
    type_: CustomerPatchTypeType0 | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.address_in import AddressIn

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        phone: None | str | Unset
        if isinstance(self.phone, Unset):
            phone = UNSET
        else:
            phone = self.phone

        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        address: dict[str, Any] | None | Unset
        if isinstance(self.address, Unset):
            address = UNSET
        elif isinstance(self.address, AddressIn):
            address = self.address.to_dict()
        else:
            address = self.address

        external_ref: None | str | Unset
        if isinstance(self.external_ref, Unset):
            external_ref = UNSET
        else:
            external_ref = self.external_ref

        type_: None | str | Unset
        if isinstance(self.type_, Unset):
            type_ = UNSET
        elif isinstance(self.type_, CustomerPatchTypeType0):
            type_ = self.type_.value
        else:
            type_ = self.type_

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if phone is not UNSET:
            field_dict["phone"] = phone
        if email is not UNSET:
            field_dict["email"] = email
        if address is not UNSET:
            field_dict["address"] = address
        if external_ref is not UNSET:
            field_dict["external_ref"] = external_ref
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.address_in import AddressIn

        d = dict(src_dict)

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        phone = _parse_phone(d.pop("phone", UNSET))

        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))

        def _parse_address(data: object) -> AddressIn | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                address_type_0 = AddressIn.from_dict(data)

                return address_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AddressIn | None | Unset, data)

        address = _parse_address(d.pop("address", UNSET))

        def _parse_external_ref(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        external_ref = _parse_external_ref(d.pop("external_ref", UNSET))

        def _parse_type_(data: object) -> CustomerPatchTypeType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                type_type_0 = CustomerPatchTypeType0(data)

                return type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CustomerPatchTypeType0 | None | Unset, data)

        type_ = _parse_type_(d.pop("type", UNSET))

        customer_patch = cls(
            name=name,
            phone=phone,
            email=email,
            address=address,
            external_ref=external_ref,
            type_=type_,
        )

        return customer_patch
