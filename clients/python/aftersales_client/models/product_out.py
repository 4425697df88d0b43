from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.address import Address
    from ..models.intake_money import IntakeMoney


T = TypeVar("T", bound="ProductOut")


@_attrs_define
class ProductOut:
    """
    Attributes:
        id (UUID):
        customer_id (UUID):
        category (str):
        model (str):
        serial_no (str):
        purchased_on (datetime.date):
        warranty_months (int):
        warranty_until (datetime.date):
        in_warranty (bool):
        contract_no (None | str):
        version (int):
        replaces_product_id (None | Unset | UUID):
        installation_address (Address | None | Unset): where the product is installed, when not at the owner's
        notes (None | str | Unset):
        deregistered_at (datetime.datetime | None | Unset): refunded (三包)
        purchase_price (IntakeMoney | None | Unset):
        sold_by (None | str | Unset):
        proof_ref (None | str | Unset):
    """

    id: UUID
    customer_id: UUID
    category: str
    model: str
    serial_no: str
    purchased_on: datetime.date
    warranty_months: int
    warranty_until: datetime.date
    in_warranty: bool
    contract_no: None | str
    version: int
    replaces_product_id: None | Unset | UUID = UNSET
    installation_address: Address | None | Unset = UNSET
    notes: None | str | Unset = UNSET
    deregistered_at: datetime.datetime | None | Unset = UNSET
    purchase_price: IntakeMoney | None | Unset = UNSET
    sold_by: None | str | Unset = UNSET
    proof_ref: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.address import Address
        from ..models.intake_money import IntakeMoney

        id = str(self.id)

        customer_id = str(self.customer_id)

        category = self.category

        model = self.model

        serial_no = self.serial_no

        purchased_on = self.purchased_on.isoformat()

        warranty_months = self.warranty_months

        warranty_until = self.warranty_until.isoformat()

        in_warranty = self.in_warranty

        contract_no: None | str
        contract_no = self.contract_no

        version = self.version

        replaces_product_id: None | str | Unset
        if isinstance(self.replaces_product_id, Unset):
            replaces_product_id = UNSET
        elif isinstance(self.replaces_product_id, UUID):
            replaces_product_id = str(self.replaces_product_id)
        else:
            replaces_product_id = self.replaces_product_id

        installation_address: dict[str, Any] | None | Unset
        if isinstance(self.installation_address, Unset):
            installation_address = UNSET
        elif isinstance(self.installation_address, Address):
            installation_address = self.installation_address.to_dict()
        else:
            installation_address = self.installation_address

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        deregistered_at: None | str | Unset
        if isinstance(self.deregistered_at, Unset):
            deregistered_at = UNSET
        elif isinstance(self.deregistered_at, datetime.datetime):
            deregistered_at = self.deregistered_at.isoformat()
        else:
            deregistered_at = self.deregistered_at

        purchase_price: dict[str, Any] | None | Unset
        if isinstance(self.purchase_price, Unset):
            purchase_price = UNSET
        elif isinstance(self.purchase_price, IntakeMoney):
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
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "customer_id": customer_id,
                "category": category,
                "model": model,
                "serial_no": serial_no,
                "purchased_on": purchased_on,
                "warranty_months": warranty_months,
                "warranty_until": warranty_until,
                "in_warranty": in_warranty,
                "contract_no": contract_no,
                "version": version,
            }
        )
        if replaces_product_id is not UNSET:
            field_dict["replaces_product_id"] = replaces_product_id
        if installation_address is not UNSET:
            field_dict["installation_address"] = installation_address
        if notes is not UNSET:
            field_dict["notes"] = notes
        if deregistered_at is not UNSET:
            field_dict["deregistered_at"] = deregistered_at
        if purchase_price is not UNSET:
            field_dict["purchase_price"] = purchase_price
        if sold_by is not UNSET:
            field_dict["sold_by"] = sold_by
        if proof_ref is not UNSET:
            field_dict["proof_ref"] = proof_ref

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.address import Address
        from ..models.intake_money import IntakeMoney

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        customer_id = UUID(d.pop("customer_id"))

        category = d.pop("category")

        model = d.pop("model")

        serial_no = d.pop("serial_no")

        purchased_on = datetime.date.fromisoformat(d.pop("purchased_on"))

        warranty_months = d.pop("warranty_months")

        warranty_until = datetime.date.fromisoformat(d.pop("warranty_until"))

        in_warranty = d.pop("in_warranty")

        def _parse_contract_no(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        contract_no = _parse_contract_no(d.pop("contract_no"))

        version = d.pop("version")

        def _parse_replaces_product_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                replaces_product_id_type_0 = UUID(data)

                return replaces_product_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        replaces_product_id = _parse_replaces_product_id(
            d.pop("replaces_product_id", UNSET)
        )

        def _parse_installation_address(data: object) -> Address | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                installation_address_type_0 = Address.from_dict(data)

                return installation_address_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Address | None | Unset, data)

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

        def _parse_deregistered_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                deregistered_at_type_0 = datetime.datetime.fromisoformat(data)

                return deregistered_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        deregistered_at = _parse_deregistered_at(d.pop("deregistered_at", UNSET))

        def _parse_purchase_price(data: object) -> IntakeMoney | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                purchase_price_type_0 = IntakeMoney.from_dict(data)

                return purchase_price_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(IntakeMoney | None | Unset, data)

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

        product_out = cls(
            id=id,
            customer_id=customer_id,
            category=category,
            model=model,
            serial_no=serial_no,
            purchased_on=purchased_on,
            warranty_months=warranty_months,
            warranty_until=warranty_until,
            in_warranty=in_warranty,
            contract_no=contract_no,
            version=version,
            replaces_product_id=replaces_product_id,
            installation_address=installation_address,
            notes=notes,
            deregistered_at=deregistered_at,
            purchase_price=purchase_price,
            sold_by=sold_by,
            proof_ref=proof_ref,
        )

        product_out.additional_properties = d
        return product_out

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
