from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.customer_out_type import CustomerOutType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.address import Address


T = TypeVar("T", bound="CustomerOut")


@_attrs_define
class CustomerOut:
    """
    Attributes:
        id (UUID):
        name (str):
        phone (str):
        email (None | str):
        address (Address):
        external_ref (None | str):
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        type_ (CustomerOutType | Unset): consumer (the default), dealer (代理) or direct (an industrial or fleet
            customer): a business customer's duties are ticket kinds of their own Default: CustomerOutType.CONSUMER.
    """

    id: UUID
    name: str
    phone: str
    email: None | str
    address: Address
    external_ref: None | str
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    type_: CustomerOutType | Unset = CustomerOutType.CONSUMER
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        name = self.name

        phone = self.phone

        email: None | str
        email = self.email

        address = self.address.to_dict()

        external_ref: None | str
        external_ref = self.external_ref

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "phone": phone,
                "email": email,
                "address": address,
                "external_ref": external_ref,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.address import Address

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        name = d.pop("name")

        phone = d.pop("phone")

        def _parse_email(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        email = _parse_email(d.pop("email"))

        address = Address.from_dict(d.pop("address"))

        def _parse_external_ref(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        external_ref = _parse_external_ref(d.pop("external_ref"))

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        _type_ = d.pop("type", UNSET)
        type_: CustomerOutType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = CustomerOutType(_type_)

        customer_out = cls(
            id=id,
            name=name,
            phone=phone,
            email=email,
            address=address,
            external_ref=external_ref,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
            type_=type_,
        )

        customer_out.additional_properties = d
        return customer_out

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
