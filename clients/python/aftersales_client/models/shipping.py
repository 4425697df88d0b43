from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Shipping")


@_attrs_define
class Shipping:
    """A parts order at the warehouse, as dispatch reports it.

    Attributes:
        paid_at (datetime.datetime | None | Unset):
        ship_by (datetime.datetime | None | Unset): paid + the shipping deadline
        shipped_at (datetime.datetime | None | Unset):
        from_location_id (None | Unset | UUID):
        carrier (None | str | Unset):
        tracking_no (None | str | Unset):
        shipped_on_time (bool | None | Unset):
        promised_by (datetime.date | None | Unset): the arrival date promised to the customer
        ship_breached_at (datetime.datetime | None | Unset): set when the deadline passed unshipped: tell the customer
        delivered_at (datetime.datetime | None | Unset):
    """

    paid_at: datetime.datetime | None | Unset = UNSET
    ship_by: datetime.datetime | None | Unset = UNSET
    shipped_at: datetime.datetime | None | Unset = UNSET
    from_location_id: None | Unset | UUID = UNSET
    carrier: None | str | Unset = UNSET
    tracking_no: None | str | Unset = UNSET
    shipped_on_time: bool | None | Unset = UNSET
    promised_by: datetime.date | None | Unset = UNSET
    ship_breached_at: datetime.datetime | None | Unset = UNSET
    delivered_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        paid_at: None | str | Unset
        if isinstance(self.paid_at, Unset):
            paid_at = UNSET
        elif isinstance(self.paid_at, datetime.datetime):
            paid_at = self.paid_at.isoformat()
        else:
            paid_at = self.paid_at

        ship_by: None | str | Unset
        if isinstance(self.ship_by, Unset):
            ship_by = UNSET
        elif isinstance(self.ship_by, datetime.datetime):
            ship_by = self.ship_by.isoformat()
        else:
            ship_by = self.ship_by

        shipped_at: None | str | Unset
        if isinstance(self.shipped_at, Unset):
            shipped_at = UNSET
        elif isinstance(self.shipped_at, datetime.datetime):
            shipped_at = self.shipped_at.isoformat()
        else:
            shipped_at = self.shipped_at

        from_location_id: None | str | Unset
        if isinstance(self.from_location_id, Unset):
            from_location_id = UNSET
        elif isinstance(self.from_location_id, UUID):
            from_location_id = str(self.from_location_id)
        else:
            from_location_id = self.from_location_id

        carrier: None | str | Unset
        if isinstance(self.carrier, Unset):
            carrier = UNSET
        else:
            carrier = self.carrier

        tracking_no: None | str | Unset
        if isinstance(self.tracking_no, Unset):
            tracking_no = UNSET
        else:
            tracking_no = self.tracking_no

        shipped_on_time: bool | None | Unset
        if isinstance(self.shipped_on_time, Unset):
            shipped_on_time = UNSET
        else:
            shipped_on_time = self.shipped_on_time

        promised_by: None | str | Unset
        if isinstance(self.promised_by, Unset):
            promised_by = UNSET
        elif isinstance(self.promised_by, datetime.date):
            promised_by = self.promised_by.isoformat()
        else:
            promised_by = self.promised_by

        ship_breached_at: None | str | Unset
        if isinstance(self.ship_breached_at, Unset):
            ship_breached_at = UNSET
        elif isinstance(self.ship_breached_at, datetime.datetime):
            ship_breached_at = self.ship_breached_at.isoformat()
        else:
            ship_breached_at = self.ship_breached_at

        delivered_at: None | str | Unset
        if isinstance(self.delivered_at, Unset):
            delivered_at = UNSET
        elif isinstance(self.delivered_at, datetime.datetime):
            delivered_at = self.delivered_at.isoformat()
        else:
            delivered_at = self.delivered_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if paid_at is not UNSET:
            field_dict["paid_at"] = paid_at
        if ship_by is not UNSET:
            field_dict["ship_by"] = ship_by
        if shipped_at is not UNSET:
            field_dict["shipped_at"] = shipped_at
        if from_location_id is not UNSET:
            field_dict["from_location_id"] = from_location_id
        if carrier is not UNSET:
            field_dict["carrier"] = carrier
        if tracking_no is not UNSET:
            field_dict["tracking_no"] = tracking_no
        if shipped_on_time is not UNSET:
            field_dict["shipped_on_time"] = shipped_on_time
        if promised_by is not UNSET:
            field_dict["promised_by"] = promised_by
        if ship_breached_at is not UNSET:
            field_dict["ship_breached_at"] = ship_breached_at
        if delivered_at is not UNSET:
            field_dict["delivered_at"] = delivered_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_paid_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                paid_at_type_0 = datetime.datetime.fromisoformat(data)

                return paid_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        paid_at = _parse_paid_at(d.pop("paid_at", UNSET))

        def _parse_ship_by(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ship_by_type_0 = datetime.datetime.fromisoformat(data)

                return ship_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        ship_by = _parse_ship_by(d.pop("ship_by", UNSET))

        def _parse_shipped_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                shipped_at_type_0 = datetime.datetime.fromisoformat(data)

                return shipped_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        shipped_at = _parse_shipped_at(d.pop("shipped_at", UNSET))

        def _parse_from_location_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                from_location_id_type_0 = UUID(data)

                return from_location_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        from_location_id = _parse_from_location_id(d.pop("from_location_id", UNSET))

        def _parse_carrier(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        carrier = _parse_carrier(d.pop("carrier", UNSET))

        def _parse_tracking_no(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        tracking_no = _parse_tracking_no(d.pop("tracking_no", UNSET))

        def _parse_shipped_on_time(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        shipped_on_time = _parse_shipped_on_time(d.pop("shipped_on_time", UNSET))

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

        def _parse_ship_breached_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ship_breached_at_type_0 = datetime.datetime.fromisoformat(data)

                return ship_breached_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        ship_breached_at = _parse_ship_breached_at(d.pop("ship_breached_at", UNSET))

        def _parse_delivered_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                delivered_at_type_0 = datetime.datetime.fromisoformat(data)

                return delivered_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        delivered_at = _parse_delivered_at(d.pop("delivered_at", UNSET))

        shipping = cls(
            paid_at=paid_at,
            ship_by=ship_by,
            shipped_at=shipped_at,
            from_location_id=from_location_id,
            carrier=carrier,
            tracking_no=tracking_no,
            shipped_on_time=shipped_on_time,
            promised_by=promised_by,
            ship_breached_at=ship_breached_at,
            delivered_at=delivered_at,
        )

        shipping.additional_properties = d
        return shipping

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
