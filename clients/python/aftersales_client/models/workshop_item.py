from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.workshop_item_status import WorkshopItemStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="WorkshopItem")


@_attrs_define
class WorkshopItem:
    """
    Attributes:
        job_id (UUID):
        ticket_number (str):
        receipt_no (str):
        model (None | str):
        serial_no (None | str):
        status (WorkshopItemStatus):
        received_at (datetime.datetime):
        returned_at (datetime.datetime | None):
        age_days (int): days in the workshop (until returned, or until now)
        failed_inspections (int):
        inspected_at (datetime.datetime | None | Unset): when the repair passed its inspection
        inspected_by (None | str | Unset): who signed the inspection off: the point, or an admin
    """

    job_id: UUID
    ticket_number: str
    receipt_no: str
    model: None | str
    serial_no: None | str
    status: WorkshopItemStatus
    received_at: datetime.datetime
    returned_at: datetime.datetime | None
    age_days: int
    failed_inspections: int
    inspected_at: datetime.datetime | None | Unset = UNSET
    inspected_by: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        job_id = str(self.job_id)

        ticket_number = self.ticket_number

        receipt_no = self.receipt_no

        model: None | str
        model = self.model

        serial_no: None | str
        serial_no = self.serial_no

        status = self.status.value

        received_at = self.received_at.isoformat()

        returned_at: None | str
        if isinstance(self.returned_at, datetime.datetime):
            returned_at = self.returned_at.isoformat()
        else:
            returned_at = self.returned_at

        age_days = self.age_days

        failed_inspections = self.failed_inspections

        inspected_at: None | str | Unset
        if isinstance(self.inspected_at, Unset):
            inspected_at = UNSET
        elif isinstance(self.inspected_at, datetime.datetime):
            inspected_at = self.inspected_at.isoformat()
        else:
            inspected_at = self.inspected_at

        inspected_by: None | str | Unset
        if isinstance(self.inspected_by, Unset):
            inspected_by = UNSET
        else:
            inspected_by = self.inspected_by

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "job_id": job_id,
                "ticket_number": ticket_number,
                "receipt_no": receipt_no,
                "model": model,
                "serial_no": serial_no,
                "status": status,
                "received_at": received_at,
                "returned_at": returned_at,
                "age_days": age_days,
                "failed_inspections": failed_inspections,
            }
        )
        if inspected_at is not UNSET:
            field_dict["inspected_at"] = inspected_at
        if inspected_by is not UNSET:
            field_dict["inspected_by"] = inspected_by

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        job_id = UUID(d.pop("job_id"))

        ticket_number = d.pop("ticket_number")

        receipt_no = d.pop("receipt_no")

        def _parse_model(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        model = _parse_model(d.pop("model"))

        def _parse_serial_no(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        serial_no = _parse_serial_no(d.pop("serial_no"))

        status = WorkshopItemStatus(d.pop("status"))

        received_at = datetime.datetime.fromisoformat(d.pop("received_at"))

        def _parse_returned_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                returned_at_type_0 = datetime.datetime.fromisoformat(data)

                return returned_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        returned_at = _parse_returned_at(d.pop("returned_at"))

        age_days = d.pop("age_days")

        failed_inspections = d.pop("failed_inspections")

        def _parse_inspected_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                inspected_at_type_0 = datetime.datetime.fromisoformat(data)

                return inspected_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        inspected_at = _parse_inspected_at(d.pop("inspected_at", UNSET))

        def _parse_inspected_by(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        inspected_by = _parse_inspected_by(d.pop("inspected_by", UNSET))

        workshop_item = cls(
            job_id=job_id,
            ticket_number=ticket_number,
            receipt_no=receipt_no,
            model=model,
            serial_no=serial_no,
            status=status,
            received_at=received_at,
            returned_at=returned_at,
            age_days=age_days,
            failed_inspections=failed_inspections,
            inspected_at=inspected_at,
            inspected_by=inspected_by,
        )

        workshop_item.additional_properties = d
        return workshop_item

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
