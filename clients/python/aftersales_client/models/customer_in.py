from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.customer_in_type import CustomerInType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.address_in import AddressIn


T = TypeVar("T", bound="CustomerIn")


@_attrs_define
class CustomerIn:
    """
    Attributes:
        name (str):
        phone (str):
        address (AddressIn):
        email (None | str | Unset):
        external_ref (None | str | Unset):
        type_ (CustomerInType | Unset): consumer (the default), dealer (代理) or direct (an industrial or fleet customer):
            a business customer's duties are ticket kinds of their own Default: CustomerInType.CONSUMER.
    """

    name: str
    phone: str
    address: AddressIn
    email: None | str | Unset = UNSET
    external_ref: None | str | Unset = UNSET
    type_: CustomerInType | Unset = CustomerInType.CONSUMER

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        phone = self.phone

        address = self.address.to_dict()

        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        external_ref: None | str | Unset
        if isinstance(self.external_ref, Unset):
            external_ref = UNSET
        else:
            external_ref = self.external_ref

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "phone": phone,
                "address": address,
            }
        )
        if email is not UNSET:
            field_dict["email"] = email
        if external_ref is not UNSET:
            field_dict["external_ref"] = external_ref
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.address_in import AddressIn

        d = dict(src_dict)
        name = d.pop("name")

        phone = d.pop("phone")

        address = AddressIn.from_dict(d.pop("address"))

        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))

        def _parse_external_ref(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        external_ref = _parse_external_ref(d.pop("external_ref", UNSET))

        _type_ = d.pop("type", UNSET)
        type_: CustomerInType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = CustomerInType(_type_)

        customer_in = cls(
            name=name,
            phone=phone,
            address=address,
            email=email,
            external_ref=external_ref,
            type_=type_,
        )

        return customer_in
