from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.repair_card_out_receipt_status import RepairCardOutReceiptStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.part_out import PartOut
    from ..models.repair_card_out_failed_inspections_item import (
        RepairCardOutFailedInspectionsItem,
    )
    from ..models.workshop_log_entry import WorkshopLogEntry


T = TypeVar("T", bound="RepairCardOut")


@_attrs_define
class RepairCardOut:
    """
    Attributes:
        job_id (UUID):
        receipt_no (str):
        receipt_status (RepairCardOutReceiptStatus):
        received_at (datetime.datetime):
        repaired_at (datetime.datetime | None):
        labor_minutes (int):
        parts (list[PartOut]):
        inspected_at (datetime.datetime | None):
        inspected_by (None | str):
        returned_at (datetime.datetime | None):
        receipt_voided_at (datetime.datetime | None):
        log (list[WorkshopLogEntry]):
        failed_inspections (list[RepairCardOutFailedInspectionsItem] | Unset): each failed inspection: at, by, reason
        symptom_code (None | str | Unset):
        cause_code (None | str | Unset):
        action_code (None | str | Unset):
        outcome (None | str | Unset):
    """

    job_id: UUID
    receipt_no: str
    receipt_status: RepairCardOutReceiptStatus
    received_at: datetime.datetime
    repaired_at: datetime.datetime | None
    labor_minutes: int
    parts: list[PartOut]
    inspected_at: datetime.datetime | None
    inspected_by: None | str
    returned_at: datetime.datetime | None
    receipt_voided_at: datetime.datetime | None
    log: list[WorkshopLogEntry]
    failed_inspections: list[RepairCardOutFailedInspectionsItem] | Unset = UNSET
    symptom_code: None | str | Unset = UNSET
    cause_code: None | str | Unset = UNSET
    action_code: None | str | Unset = UNSET
    outcome: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        job_id = str(self.job_id)

        receipt_no = self.receipt_no

        receipt_status = self.receipt_status.value

        received_at = self.received_at.isoformat()

        repaired_at: None | str
        if isinstance(self.repaired_at, datetime.datetime):
            repaired_at = self.repaired_at.isoformat()
        else:
            repaired_at = self.repaired_at

        labor_minutes = self.labor_minutes

        parts = []
        for parts_item_data in self.parts:
            parts_item = parts_item_data.to_dict()
            parts.append(parts_item)

        inspected_at: None | str
        if isinstance(self.inspected_at, datetime.datetime):
            inspected_at = self.inspected_at.isoformat()
        else:
            inspected_at = self.inspected_at

        inspected_by: None | str
        inspected_by = self.inspected_by

        returned_at: None | str
        if isinstance(self.returned_at, datetime.datetime):
            returned_at = self.returned_at.isoformat()
        else:
            returned_at = self.returned_at

        receipt_voided_at: None | str
        if isinstance(self.receipt_voided_at, datetime.datetime):
            receipt_voided_at = self.receipt_voided_at.isoformat()
        else:
            receipt_voided_at = self.receipt_voided_at

        log = []
        for log_item_data in self.log:
            log_item = log_item_data.to_dict()
            log.append(log_item)

        failed_inspections: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.failed_inspections, Unset):
            failed_inspections = []
            for failed_inspections_item_data in self.failed_inspections:
                failed_inspections_item = failed_inspections_item_data.to_dict()
                failed_inspections.append(failed_inspections_item)

        symptom_code: None | str | Unset
        if isinstance(self.symptom_code, Unset):
            symptom_code = UNSET
        else:
            symptom_code = self.symptom_code

        cause_code: None | str | Unset
        if isinstance(self.cause_code, Unset):
            cause_code = UNSET
        else:
            cause_code = self.cause_code

        action_code: None | str | Unset
        if isinstance(self.action_code, Unset):
            action_code = UNSET
        else:
            action_code = self.action_code

        outcome: None | str | Unset
        if isinstance(self.outcome, Unset):
            outcome = UNSET
        else:
            outcome = self.outcome

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "job_id": job_id,
                "receipt_no": receipt_no,
                "receipt_status": receipt_status,
                "received_at": received_at,
                "repaired_at": repaired_at,
                "labor_minutes": labor_minutes,
                "parts": parts,
                "inspected_at": inspected_at,
                "inspected_by": inspected_by,
                "returned_at": returned_at,
                "receipt_voided_at": receipt_voided_at,
                "log": log,
            }
        )
        if failed_inspections is not UNSET:
            field_dict["failed_inspections"] = failed_inspections
        if symptom_code is not UNSET:
            field_dict["symptom_code"] = symptom_code
        if cause_code is not UNSET:
            field_dict["cause_code"] = cause_code
        if action_code is not UNSET:
            field_dict["action_code"] = action_code
        if outcome is not UNSET:
            field_dict["outcome"] = outcome

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.part_out import PartOut
        from ..models.repair_card_out_failed_inspections_item import (
            RepairCardOutFailedInspectionsItem,
        )
        from ..models.workshop_log_entry import WorkshopLogEntry

        d = dict(src_dict)
        job_id = UUID(d.pop("job_id"))

        receipt_no = d.pop("receipt_no")

        receipt_status = RepairCardOutReceiptStatus(d.pop("receipt_status"))

        received_at = datetime.datetime.fromisoformat(d.pop("received_at"))

        def _parse_repaired_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                repaired_at_type_0 = datetime.datetime.fromisoformat(data)

                return repaired_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        repaired_at = _parse_repaired_at(d.pop("repaired_at"))

        labor_minutes = d.pop("labor_minutes")

        parts = []
        _parts = d.pop("parts")
        for parts_item_data in _parts:
            parts_item = PartOut.from_dict(parts_item_data)

            parts.append(parts_item)

        def _parse_inspected_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                inspected_at_type_0 = datetime.datetime.fromisoformat(data)

                return inspected_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        inspected_at = _parse_inspected_at(d.pop("inspected_at"))

        def _parse_inspected_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        inspected_by = _parse_inspected_by(d.pop("inspected_by"))

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

        def _parse_receipt_voided_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                receipt_voided_at_type_0 = datetime.datetime.fromisoformat(data)

                return receipt_voided_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        receipt_voided_at = _parse_receipt_voided_at(d.pop("receipt_voided_at"))

        log = []
        _log = d.pop("log")
        for log_item_data in _log:
            log_item = WorkshopLogEntry.from_dict(log_item_data)

            log.append(log_item)

        _failed_inspections = d.pop("failed_inspections", UNSET)
        failed_inspections: list[RepairCardOutFailedInspectionsItem] | Unset = UNSET
        if _failed_inspections is not UNSET:
            failed_inspections = []
            for failed_inspections_item_data in _failed_inspections:
                failed_inspections_item = RepairCardOutFailedInspectionsItem.from_dict(
                    failed_inspections_item_data
                )

                failed_inspections.append(failed_inspections_item)

        def _parse_symptom_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        symptom_code = _parse_symptom_code(d.pop("symptom_code", UNSET))

        def _parse_cause_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        cause_code = _parse_cause_code(d.pop("cause_code", UNSET))

        def _parse_action_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        action_code = _parse_action_code(d.pop("action_code", UNSET))

        def _parse_outcome(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        outcome = _parse_outcome(d.pop("outcome", UNSET))

        repair_card_out = cls(
            job_id=job_id,
            receipt_no=receipt_no,
            receipt_status=receipt_status,
            received_at=received_at,
            repaired_at=repaired_at,
            labor_minutes=labor_minutes,
            parts=parts,
            inspected_at=inspected_at,
            inspected_by=inspected_by,
            returned_at=returned_at,
            receipt_voided_at=receipt_voided_at,
            log=log,
            failed_inspections=failed_inspections,
            symptom_code=symptom_code,
            cause_code=cause_code,
            action_code=action_code,
            outcome=outcome,
        )

        repair_card_out.additional_properties = d
        return repair_card_out

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
