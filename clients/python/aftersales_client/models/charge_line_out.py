from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.billing_money import BillingMoney


T = TypeVar("T", bound="ChargeLineOut")


@_attrs_define
class ChargeLineOut:
    """
    Attributes:
        kind (str):
        description (str):
        sku (None | str):
        quantity (int):
        unit_price (BillingMoney | None):
        list_amount (BillingMoney):
        customer_pays (BillingMoney):
        company_bears (BillingMoney):
    """

    kind: str
    description: str
    sku: None | str
    quantity: int
    unit_price: BillingMoney | None
    list_amount: BillingMoney
    customer_pays: BillingMoney
    company_bears: BillingMoney
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.billing_money import BillingMoney

        kind = self.kind

        description = self.description

        sku: None | str
        sku = self.sku

        quantity = self.quantity

        unit_price: dict[str, Any] | None
        if isinstance(self.unit_price, BillingMoney):
            unit_price = self.unit_price.to_dict()
        else:
            unit_price = self.unit_price

        list_amount = self.list_amount.to_dict()

        customer_pays = self.customer_pays.to_dict()

        company_bears = self.company_bears.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "kind": kind,
                "description": description,
                "sku": sku,
                "quantity": quantity,
                "unit_price": unit_price,
                "list_amount": list_amount,
                "customer_pays": customer_pays,
                "company_bears": company_bears,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.billing_money import BillingMoney

        d = dict(src_dict)
        kind = d.pop("kind")

        description = d.pop("description")

        def _parse_sku(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        sku = _parse_sku(d.pop("sku"))

        quantity = d.pop("quantity")

        def _parse_unit_price(data: object) -> BillingMoney | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                unit_price_type_0 = BillingMoney.from_dict(data)

                return unit_price_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BillingMoney | None, data)

        unit_price = _parse_unit_price(d.pop("unit_price"))

        list_amount = BillingMoney.from_dict(d.pop("list_amount"))

        customer_pays = BillingMoney.from_dict(d.pop("customer_pays"))

        company_bears = BillingMoney.from_dict(d.pop("company_bears"))

        charge_line_out = cls(
            kind=kind,
            description=description,
            sku=sku,
            quantity=quantity,
            unit_price=unit_price,
            list_amount=list_amount,
            customer_pays=customer_pays,
            company_bears=company_bears,
        )

        charge_line_out.additional_properties = d
        return charge_line_out

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
