from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.intake_money_in import IntakeMoneyIn


T = TypeVar("T", bound="ProductIn")


@_attrs_define
class ProductIn:
    """
    Attributes:
        category (str):
        model (str):
        serial_no (str):
        purchased_on (datetime.date):
        warranty_months (int):
        contract_no (None | str | Unset):
        purchase_price (IntakeMoneyIn | None | Unset): what the customer paid for it: a refund may not exceed it
        sold_by (None | str | Unset): the dealer or shop that sold it
        proof_ref (None | str | Unset): the sale's invoice reference
    """

    category: str
    model: str
    serial_no: str
    purchased_on: datetime.date
    warranty_months: int
    contract_no: None | str | Unset = UNSET
    purchase_price: IntakeMoneyIn | None | Unset = UNSET
    sold_by: None | str | Unset = UNSET
    proof_ref: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.intake_money_in import IntakeMoneyIn

        category = self.category

        model = self.model

        serial_no = self.serial_no

        purchased_on = self.purchased_on.isoformat()

        warranty_months = self.warranty_months

        contract_no: None | str | Unset
        if isinstance(self.contract_no, Unset):
            contract_no = UNSET
        else:
            contract_no = self.contract_no

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

        field_dict.update(
            {
                "category": category,
                "model": model,
                "serial_no": serial_no,
                "purchased_on": purchased_on,
                "warranty_months": warranty_months,
            }
        )
        if contract_no is not UNSET:
            field_dict["contract_no"] = contract_no
        if purchase_price is not UNSET:
            field_dict["purchase_price"] = purchase_price
        if sold_by is not UNSET:
            field_dict["sold_by"] = sold_by
        if proof_ref is not UNSET:
            field_dict["proof_ref"] = proof_ref

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.intake_money_in import IntakeMoneyIn

        d = dict(src_dict)
        category = d.pop("category")

        model = d.pop("model")

        serial_no = d.pop("serial_no")

        purchased_on = datetime.date.fromisoformat(d.pop("purchased_on"))

        warranty_months = d.pop("warranty_months")

        def _parse_contract_no(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        contract_no = _parse_contract_no(d.pop("contract_no", UNSET))

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

        product_in = cls(
            category=category,
            model=model,
            serial_no=serial_no,
            purchased_on=purchased_on,
            warranty_months=warranty_months,
            contract_no=contract_no,
            purchase_price=purchase_price,
            sold_by=sold_by,
            proof_ref=proof_ref,
        )

        return product_in
