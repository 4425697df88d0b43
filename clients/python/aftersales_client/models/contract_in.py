from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.contract_in_schedule import ContractInSchedule
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.covers_in import CoversIn


T = TypeVar("T", bound="ContractIn")


@_attrs_define
class ContractIn:
    """
    Attributes:
        contract_no (str):
        customer_id (UUID):
        product_ids (list[UUID]):
        starts_on (datetime.date):
        ends_on (datetime.date):
        covers (CoversIn):
        visits_included (int | None | Unset):
        fee (int | Unset): what the customer pays per period of the schedule Default: 0.
        currency (str | Unset):  Default: 'CNY'.
        schedule (ContractInSchedule | Unset): once (at signing), monthly, quarterly or yearly Default:
            ContractInSchedule.ONCE.
        maintenance_visits_per_year (int | Unset): planned maintenance visits (1, 2, 3, 4, 6 or 12 a year) opened as
            maintenance tickets in intake and counted against visits_included Default: 0.
    """

    contract_no: str
    customer_id: UUID
    product_ids: list[UUID]
    starts_on: datetime.date
    ends_on: datetime.date
    covers: CoversIn
    visits_included: int | None | Unset = UNSET
    fee: int | Unset = 0
    currency: str | Unset = "CNY"
    schedule: ContractInSchedule | Unset = ContractInSchedule.ONCE
    maintenance_visits_per_year: int | Unset = 0

    def to_dict(self) -> dict[str, Any]:
        contract_no = self.contract_no

        customer_id = str(self.customer_id)

        product_ids = []
        for product_ids_item_data in self.product_ids:
            product_ids_item = str(product_ids_item_data)
            product_ids.append(product_ids_item)

        starts_on = self.starts_on.isoformat()

        ends_on = self.ends_on.isoformat()

        covers = self.covers.to_dict()

        visits_included: int | None | Unset
        if isinstance(self.visits_included, Unset):
            visits_included = UNSET
        else:
            visits_included = self.visits_included

        fee = self.fee

        currency = self.currency

        schedule: str | Unset = UNSET
        if not isinstance(self.schedule, Unset):
            schedule = self.schedule.value

        maintenance_visits_per_year = self.maintenance_visits_per_year

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "contract_no": contract_no,
                "customer_id": customer_id,
                "product_ids": product_ids,
                "starts_on": starts_on,
                "ends_on": ends_on,
                "covers": covers,
            }
        )
        if visits_included is not UNSET:
            field_dict["visits_included"] = visits_included
        if fee is not UNSET:
            field_dict["fee"] = fee
        if currency is not UNSET:
            field_dict["currency"] = currency
        if schedule is not UNSET:
            field_dict["schedule"] = schedule
        if maintenance_visits_per_year is not UNSET:
            field_dict["maintenance_visits_per_year"] = maintenance_visits_per_year

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.covers_in import CoversIn

        d = dict(src_dict)
        contract_no = d.pop("contract_no")

        customer_id = UUID(d.pop("customer_id"))

        product_ids = []
        _product_ids = d.pop("product_ids")
        for product_ids_item_data in _product_ids:
            product_ids_item = UUID(product_ids_item_data)

            product_ids.append(product_ids_item)

        starts_on = datetime.date.fromisoformat(d.pop("starts_on"))

        ends_on = datetime.date.fromisoformat(d.pop("ends_on"))

        covers = CoversIn.from_dict(d.pop("covers"))

        def _parse_visits_included(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        visits_included = _parse_visits_included(d.pop("visits_included", UNSET))

        fee = d.pop("fee", UNSET)

        currency = d.pop("currency", UNSET)

        _schedule = d.pop("schedule", UNSET)
        schedule: ContractInSchedule | Unset
        if isinstance(_schedule, Unset):
            schedule = UNSET
        else:
            schedule = ContractInSchedule(_schedule)

        maintenance_visits_per_year = d.pop("maintenance_visits_per_year", UNSET)

        contract_in = cls(
            contract_no=contract_no,
            customer_id=customer_id,
            product_ids=product_ids,
            starts_on=starts_on,
            ends_on=ends_on,
            covers=covers,
            visits_included=visits_included,
            fee=fee,
            currency=currency,
            schedule=schedule,
            maintenance_visits_per_year=maintenance_visits_per_year,
        )

        return contract_in
