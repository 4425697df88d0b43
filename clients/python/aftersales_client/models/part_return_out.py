from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PartReturnOut")


@_attrs_define
class PartReturnOut:
    """
    Attributes:
        id (UUID):
        job_id (UUID):
        ticket_id (UUID):
        point_id (UUID):
        sku (str):
        qty (int):
        service_class (str):
        status (str):
        due_at (datetime.datetime):
        overdue (bool):
        carrier (None | str):
        tracking_no (None | str):
        shipped_at (datetime.datetime | None):
        received_at (datetime.datetime | None):
        condition (None | str):
        version (int):
    """

    id: UUID
    job_id: UUID
    ticket_id: UUID
    point_id: UUID
    sku: str
    qty: int
    service_class: str
    status: str
    due_at: datetime.datetime
    overdue: bool
    carrier: None | str
    tracking_no: None | str
    shipped_at: datetime.datetime | None
    received_at: datetime.datetime | None
    condition: None | str
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        job_id = str(self.job_id)

        ticket_id = str(self.ticket_id)

        point_id = str(self.point_id)

        sku = self.sku

        qty = self.qty

        service_class = self.service_class

        status = self.status

        due_at = self.due_at.isoformat()

        overdue = self.overdue

        carrier: None | str
        carrier = self.carrier

        tracking_no: None | str
        tracking_no = self.tracking_no

        shipped_at: None | str
        if isinstance(self.shipped_at, datetime.datetime):
            shipped_at = self.shipped_at.isoformat()
        else:
            shipped_at = self.shipped_at

        received_at: None | str
        if isinstance(self.received_at, datetime.datetime):
            received_at = self.received_at.isoformat()
        else:
            received_at = self.received_at

        condition: None | str
        condition = self.condition

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "job_id": job_id,
                "ticket_id": ticket_id,
                "point_id": point_id,
                "sku": sku,
                "qty": qty,
                "service_class": service_class,
                "status": status,
                "due_at": due_at,
                "overdue": overdue,
                "carrier": carrier,
                "tracking_no": tracking_no,
                "shipped_at": shipped_at,
                "received_at": received_at,
                "condition": condition,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        job_id = UUID(d.pop("job_id"))

        ticket_id = UUID(d.pop("ticket_id"))

        point_id = UUID(d.pop("point_id"))

        sku = d.pop("sku")

        qty = d.pop("qty")

        service_class = d.pop("service_class")

        status = d.pop("status")

        due_at = datetime.datetime.fromisoformat(d.pop("due_at"))

        overdue = d.pop("overdue")

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

        def _parse_received_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                received_at_type_0 = datetime.datetime.fromisoformat(data)

                return received_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        received_at = _parse_received_at(d.pop("received_at"))

        def _parse_condition(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        condition = _parse_condition(d.pop("condition"))

        version = d.pop("version")

        part_return_out = cls(
            id=id,
            job_id=job_id,
            ticket_id=ticket_id,
            point_id=point_id,
            sku=sku,
            qty=qty,
            service_class=service_class,
            status=status,
            due_at=due_at,
            overdue=overdue,
            carrier=carrier,
            tracking_no=tracking_no,
            shipped_at=shipped_at,
            received_at=received_at,
            condition=condition,
            version=version,
        )

        part_return_out.additional_properties = d
        return part_return_out

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
