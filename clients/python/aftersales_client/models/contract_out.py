from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.billing_money import BillingMoney
    from ..models.covers import Covers


T = TypeVar("T", bound="ContractOut")


@_attrs_define
class ContractOut:
    """
    Attributes:
        id (UUID):
        contract_no (str):
        customer_id (UUID):
        product_ids (list[UUID]):
        starts_on (datetime.date):
        ends_on (datetime.date):
        covers (Covers):
        visits_included (int | None):
        visits_used (int):
        visits_left (int | None):
        fee (BillingMoney):
        schedule (str):
        maintenance_visits_per_year (int):
        next_invoice_on (datetime.date | None):
        renewed_from (None | UUID):
        renewed_by (None | UUID):
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: UUID
    contract_no: str
    customer_id: UUID
    product_ids: list[UUID]
    starts_on: datetime.date
    ends_on: datetime.date
    covers: Covers
    visits_included: int | None
    visits_used: int
    visits_left: int | None
    fee: BillingMoney
    schedule: str
    maintenance_visits_per_year: int
    next_invoice_on: datetime.date | None
    renewed_from: None | UUID
    renewed_by: None | UUID
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        contract_no = self.contract_no

        customer_id = str(self.customer_id)

        product_ids = []
        for product_ids_item_data in self.product_ids:
            product_ids_item = str(product_ids_item_data)
            product_ids.append(product_ids_item)

        starts_on = self.starts_on.isoformat()

        ends_on = self.ends_on.isoformat()

        covers = self.covers.to_dict()

        visits_included: int | None
        visits_included = self.visits_included

        visits_used = self.visits_used

        visits_left: int | None
        visits_left = self.visits_left

        fee = self.fee.to_dict()

        schedule = self.schedule

        maintenance_visits_per_year = self.maintenance_visits_per_year

        next_invoice_on: None | str
        if isinstance(self.next_invoice_on, datetime.date):
            next_invoice_on = self.next_invoice_on.isoformat()
        else:
            next_invoice_on = self.next_invoice_on

        renewed_from: None | str
        if isinstance(self.renewed_from, UUID):
            renewed_from = str(self.renewed_from)
        else:
            renewed_from = self.renewed_from

        renewed_by: None | str
        if isinstance(self.renewed_by, UUID):
            renewed_by = str(self.renewed_by)
        else:
            renewed_by = self.renewed_by

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "contract_no": contract_no,
                "customer_id": customer_id,
                "product_ids": product_ids,
                "starts_on": starts_on,
                "ends_on": ends_on,
                "covers": covers,
                "visits_included": visits_included,
                "visits_used": visits_used,
                "visits_left": visits_left,
                "fee": fee,
                "schedule": schedule,
                "maintenance_visits_per_year": maintenance_visits_per_year,
                "next_invoice_on": next_invoice_on,
                "renewed_from": renewed_from,
                "renewed_by": renewed_by,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.billing_money import BillingMoney
        from ..models.covers import Covers

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        contract_no = d.pop("contract_no")

        customer_id = UUID(d.pop("customer_id"))

        product_ids = []
        _product_ids = d.pop("product_ids")
        for product_ids_item_data in _product_ids:
            product_ids_item = UUID(product_ids_item_data)

            product_ids.append(product_ids_item)

        starts_on = datetime.date.fromisoformat(d.pop("starts_on"))

        ends_on = datetime.date.fromisoformat(d.pop("ends_on"))

        covers = Covers.from_dict(d.pop("covers"))

        def _parse_visits_included(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        visits_included = _parse_visits_included(d.pop("visits_included"))

        visits_used = d.pop("visits_used")

        def _parse_visits_left(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        visits_left = _parse_visits_left(d.pop("visits_left"))

        fee = BillingMoney.from_dict(d.pop("fee"))

        schedule = d.pop("schedule")

        maintenance_visits_per_year = d.pop("maintenance_visits_per_year")

        def _parse_next_invoice_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_invoice_on_type_0 = datetime.date.fromisoformat(data)

                return next_invoice_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        next_invoice_on = _parse_next_invoice_on(d.pop("next_invoice_on"))

        def _parse_renewed_from(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                renewed_from_type_0 = UUID(data)

                return renewed_from_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        renewed_from = _parse_renewed_from(d.pop("renewed_from"))

        def _parse_renewed_by(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                renewed_by_type_0 = UUID(data)

                return renewed_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        renewed_by = _parse_renewed_by(d.pop("renewed_by"))

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        contract_out = cls(
            id=id,
            contract_no=contract_no,
            customer_id=customer_id,
            product_ids=product_ids,
            starts_on=starts_on,
            ends_on=ends_on,
            covers=covers,
            visits_included=visits_included,
            visits_used=visits_used,
            visits_left=visits_left,
            fee=fee,
            schedule=schedule,
            maintenance_visits_per_year=maintenance_visits_per_year,
            next_invoice_on=next_invoice_on,
            renewed_from=renewed_from,
            renewed_by=renewed_by,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
        )

        contract_out.additional_properties = d
        return contract_out

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
