from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.direct_customer_quarter import DirectCustomerQuarter


T = TypeVar("T", bound="DirectCustomersReport")


@_attrs_define
class DirectCustomersReport:
    """The quarterly report to management on direct customers (clause 14).

    Attributes:
        quarter (str):
        start (datetime.datetime): the quarter's first instant (the business's time)
        end (datetime.datetime): the next quarter's first instant
        as_of (datetime.datetime):
        customers (list[DirectCustomerQuarter]):
    """

    quarter: str
    start: datetime.datetime
    end: datetime.datetime
    as_of: datetime.datetime
    customers: list[DirectCustomerQuarter]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        quarter = self.quarter

        start = self.start.isoformat()

        end = self.end.isoformat()

        as_of = self.as_of.isoformat()

        customers = []
        for customers_item_data in self.customers:
            customers_item = customers_item_data.to_dict()
            customers.append(customers_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "quarter": quarter,
                "start": start,
                "end": end,
                "as_of": as_of,
                "customers": customers,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.direct_customer_quarter import DirectCustomerQuarter

        d = dict(src_dict)
        quarter = d.pop("quarter")

        start = datetime.datetime.fromisoformat(d.pop("start"))

        end = datetime.datetime.fromisoformat(d.pop("end"))

        as_of = datetime.datetime.fromisoformat(d.pop("as_of"))

        customers = []
        _customers = d.pop("customers")
        for customers_item_data in _customers:
            customers_item = DirectCustomerQuarter.from_dict(customers_item_data)

            customers.append(customers_item)

        direct_customers_report = cls(
            quarter=quarter,
            start=start,
            end=end,
            as_of=as_of,
            customers=customers,
        )

        direct_customers_report.additional_properties = d
        return direct_customers_report

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
