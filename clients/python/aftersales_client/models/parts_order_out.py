from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.parts_order_out_status import PartsOrderOutStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.order_line_out import OrderLineOut
    from ..models.parts_order_out_customer_type_0 import PartsOrderOutCustomerType0
    from ..models.parts_order_out_ship_to_type_0 import PartsOrderOutShipToType0


T = TypeVar("T", bound="PartsOrderOut")


@_attrs_define
class PartsOrderOut:
    """A customer's paid parts order at the warehouse; ``id`` is its ticket's id.

    Attributes:
        id (UUID):
        number (None | str): the ticket's number
        status (PartsOrderOutStatus):
        lines (list[OrderLineOut]):
        customer (None | PartsOrderOutCustomerType0): name and phone, for the carrier
        ship_to (None | PartsOrderOutShipToType0): region, city, line
        paid_at (datetime.datetime | None):
        ship_by (datetime.datetime | None): paid + DISPATCH_PARTS_ORDER_SHIP_WITHIN_HOURS
        overdue (bool): paid, not shipped, past ship_by
        from_location_id (None | UUID):
        carrier (None | str):
        tracking_no (None | str):
        shipped_at (datetime.datetime | None):
        delivered_at (datetime.datetime | None):
        version (int):
        promised_by (datetime.date | None | Unset): the arrival date promised at shipping, by the distance from the
            warehouse to the address (delivery bands); each calendar day later is compensated
        promise_days (int | None | Unset): the days the band gives
        promise_basis (None | str | Unset): which band gave them (a pair, a shared prefix, the default)
        days_late (int | None | Unset): calendar days delivered past promised_by (0: on time)
    """

    id: UUID
    number: None | str
    status: PartsOrderOutStatus
    lines: list[OrderLineOut]
    customer: None | PartsOrderOutCustomerType0
    ship_to: None | PartsOrderOutShipToType0
    paid_at: datetime.datetime | None
    ship_by: datetime.datetime | None
    overdue: bool
    from_location_id: None | UUID
    carrier: None | str
    tracking_no: None | str
    shipped_at: datetime.datetime | None
    delivered_at: datetime.datetime | None
    version: int
    promised_by: datetime.date | None | Unset = UNSET
    promise_days: int | None | Unset = UNSET
    promise_basis: None | str | Unset = UNSET
    days_late: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.parts_order_out_customer_type_0 import PartsOrderOutCustomerType0
        from ..models.parts_order_out_ship_to_type_0 import PartsOrderOutShipToType0

        id = str(self.id)

        number: None | str
        number = self.number

        status = self.status.value

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        customer: dict[str, Any] | None
        if isinstance(self.customer, PartsOrderOutCustomerType0):
            customer = self.customer.to_dict()
        else:
            customer = self.customer

        ship_to: dict[str, Any] | None
        if isinstance(self.ship_to, PartsOrderOutShipToType0):
            ship_to = self.ship_to.to_dict()
        else:
            ship_to = self.ship_to

        paid_at: None | str
        if isinstance(self.paid_at, datetime.datetime):
            paid_at = self.paid_at.isoformat()
        else:
            paid_at = self.paid_at

        ship_by: None | str
        if isinstance(self.ship_by, datetime.datetime):
            ship_by = self.ship_by.isoformat()
        else:
            ship_by = self.ship_by

        overdue = self.overdue

        from_location_id: None | str
        if isinstance(self.from_location_id, UUID):
            from_location_id = str(self.from_location_id)
        else:
            from_location_id = self.from_location_id

        carrier: None | str
        carrier = self.carrier

        tracking_no: None | str
        tracking_no = self.tracking_no

        shipped_at: None | str
        if isinstance(self.shipped_at, datetime.datetime):
            shipped_at = self.shipped_at.isoformat()
        else:
            shipped_at = self.shipped_at

        delivered_at: None | str
        if isinstance(self.delivered_at, datetime.datetime):
            delivered_at = self.delivered_at.isoformat()
        else:
            delivered_at = self.delivered_at

        version = self.version

        promised_by: None | str | Unset
        if isinstance(self.promised_by, Unset):
            promised_by = UNSET
        elif isinstance(self.promised_by, datetime.date):
            promised_by = self.promised_by.isoformat()
        else:
            promised_by = self.promised_by

        promise_days: int | None | Unset
        if isinstance(self.promise_days, Unset):
            promise_days = UNSET
        else:
            promise_days = self.promise_days

        promise_basis: None | str | Unset
        if isinstance(self.promise_basis, Unset):
            promise_basis = UNSET
        else:
            promise_basis = self.promise_basis

        days_late: int | None | Unset
        if isinstance(self.days_late, Unset):
            days_late = UNSET
        else:
            days_late = self.days_late

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "number": number,
                "status": status,
                "lines": lines,
                "customer": customer,
                "ship_to": ship_to,
                "paid_at": paid_at,
                "ship_by": ship_by,
                "overdue": overdue,
                "from_location_id": from_location_id,
                "carrier": carrier,
                "tracking_no": tracking_no,
                "shipped_at": shipped_at,
                "delivered_at": delivered_at,
                "version": version,
            }
        )
        if promised_by is not UNSET:
            field_dict["promised_by"] = promised_by
        if promise_days is not UNSET:
            field_dict["promise_days"] = promise_days
        if promise_basis is not UNSET:
            field_dict["promise_basis"] = promise_basis
        if days_late is not UNSET:
            field_dict["days_late"] = days_late

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.order_line_out import OrderLineOut
        from ..models.parts_order_out_customer_type_0 import PartsOrderOutCustomerType0
        from ..models.parts_order_out_ship_to_type_0 import PartsOrderOutShipToType0

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        def _parse_number(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        number = _parse_number(d.pop("number"))

        status = PartsOrderOutStatus(d.pop("status"))

        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = OrderLineOut.from_dict(lines_item_data)

            lines.append(lines_item)

        def _parse_customer(data: object) -> None | PartsOrderOutCustomerType0:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                customer_type_0 = PartsOrderOutCustomerType0.from_dict(data)

                return customer_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PartsOrderOutCustomerType0, data)

        customer = _parse_customer(d.pop("customer"))

        def _parse_ship_to(data: object) -> None | PartsOrderOutShipToType0:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                ship_to_type_0 = PartsOrderOutShipToType0.from_dict(data)

                return ship_to_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PartsOrderOutShipToType0, data)

        ship_to = _parse_ship_to(d.pop("ship_to"))

        def _parse_paid_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                paid_at_type_0 = datetime.datetime.fromisoformat(data)

                return paid_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        paid_at = _parse_paid_at(d.pop("paid_at"))

        def _parse_ship_by(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ship_by_type_0 = datetime.datetime.fromisoformat(data)

                return ship_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        ship_by = _parse_ship_by(d.pop("ship_by"))

        overdue = d.pop("overdue")

        def _parse_from_location_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                from_location_id_type_0 = UUID(data)

                return from_location_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        from_location_id = _parse_from_location_id(d.pop("from_location_id"))

        def _parse_carrier(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        carrier = _parse_carrier(d.pop("carrier"))

        def _parse_tracking_no(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        tracking_no = _parse_tracking_no(d.pop("tracking_no"))

        def _parse_shipped_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                shipped_at_type_0 = datetime.datetime.fromisoformat(data)

                return shipped_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        shipped_at = _parse_shipped_at(d.pop("shipped_at"))

        def _parse_delivered_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                delivered_at_type_0 = datetime.datetime.fromisoformat(data)

                return delivered_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        delivered_at = _parse_delivered_at(d.pop("delivered_at"))

        version = d.pop("version")

        def _parse_promised_by(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                promised_by_type_0 = datetime.date.fromisoformat(data)

                return promised_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        promised_by = _parse_promised_by(d.pop("promised_by", UNSET))

        def _parse_promise_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        promise_days = _parse_promise_days(d.pop("promise_days", UNSET))

        def _parse_promise_basis(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        promise_basis = _parse_promise_basis(d.pop("promise_basis", UNSET))

        def _parse_days_late(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        days_late = _parse_days_late(d.pop("days_late", UNSET))

        parts_order_out = cls(
            id=id,
            number=number,
            status=status,
            lines=lines,
            customer=customer,
            ship_to=ship_to,
            paid_at=paid_at,
            ship_by=ship_by,
            overdue=overdue,
            from_location_id=from_location_id,
            carrier=carrier,
            tracking_no=tracking_no,
            shipped_at=shipped_at,
            delivered_at=delivered_at,
            version=version,
            promised_by=promised_by,
            promise_days=promise_days,
            promise_basis=promise_basis,
            days_late=days_late,
        )

        parts_order_out.additional_properties = d
        return parts_order_out

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
