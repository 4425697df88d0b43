from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.billing_money import BillingMoney


T = TypeVar("T", bound="RevenueClass")


@_attrs_define
class RevenueClass:
    """
    Attributes:
        service_class (str):
        charges (int):
        customer_total (BillingMoney):
        company_cost (BillingMoney):
        credited (BillingMoney):
        paid (BillingMoney):
    """

    service_class: str
    charges: int
    customer_total: BillingMoney
    company_cost: BillingMoney
    credited: BillingMoney
    paid: BillingMoney
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        service_class = self.service_class

        charges = self.charges

        customer_total = self.customer_total.to_dict()

        company_cost = self.company_cost.to_dict()

        credited = self.credited.to_dict()

        paid = self.paid.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "service_class": service_class,
                "charges": charges,
                "customer_total": customer_total,
                "company_cost": company_cost,
                "credited": credited,
                "paid": paid,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.billing_money import BillingMoney

        d = dict(src_dict)
        service_class = d.pop("service_class")

        charges = d.pop("charges")

        customer_total = BillingMoney.from_dict(d.pop("customer_total"))

        company_cost = BillingMoney.from_dict(d.pop("company_cost"))

        credited = BillingMoney.from_dict(d.pop("credited"))

        paid = BillingMoney.from_dict(d.pop("paid"))

        revenue_class = cls(
            service_class=service_class,
            charges=charges,
            customer_total=customer_total,
            company_cost=company_cost,
            credited=credited,
            paid=paid,
        )

        revenue_class.additional_properties = d
        return revenue_class

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
