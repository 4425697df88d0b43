from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

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
    """

    category: str
    model: str
    serial_no: str
    purchased_on: datetime.date
    warranty_months: int
    contract_no: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
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

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
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

        product_in = cls(
            category=category,
            model=model,
            serial_no=serial_no,
            purchased_on=purchased_on,
            warranty_months=warranty_months,
            contract_no=contract_no,
        )

        return product_in
