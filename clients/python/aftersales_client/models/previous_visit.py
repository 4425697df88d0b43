from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PreviousVisit")


@_attrs_define
class PreviousVisit:
    """
    Attributes:
        job_id (UUID):
        visit_number (int):
        status (str):
        technician_id (None | UUID):
        completed_at (datetime.datetime | None):
        resolution (None | str):
        outcome (None | str):
        cause_code (None | str):
    """

    job_id: UUID
    visit_number: int
    status: str
    technician_id: None | UUID
    completed_at: datetime.datetime | None
    resolution: None | str
    outcome: None | str
    cause_code: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        job_id = str(self.job_id)

        visit_number = self.visit_number

        status = self.status

        technician_id: None | str
        if isinstance(self.technician_id, UUID):
            technician_id = str(self.technician_id)
        else:
            technician_id = self.technician_id

        completed_at: None | str
        if isinstance(self.completed_at, datetime.datetime):
            completed_at = self.completed_at.isoformat()
        else:
            completed_at = self.completed_at

        resolution: None | str
        resolution = self.resolution

        outcome: None | str
        outcome = self.outcome

        cause_code: None | str
        cause_code = self.cause_code

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "job_id": job_id,
                "visit_number": visit_number,
                "status": status,
                "technician_id": technician_id,
                "completed_at": completed_at,
                "resolution": resolution,
                "outcome": outcome,
                "cause_code": cause_code,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        job_id = UUID(d.pop("job_id"))

        visit_number = d.pop("visit_number")

        status = d.pop("status")

        def _parse_technician_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                technician_id_type_0 = UUID(data)

                return technician_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        technician_id = _parse_technician_id(d.pop("technician_id"))

        def _parse_completed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                completed_at_type_0 = datetime.datetime.fromisoformat(data)

                return completed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        completed_at = _parse_completed_at(d.pop("completed_at"))

        def _parse_resolution(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        resolution = _parse_resolution(d.pop("resolution"))

        def _parse_outcome(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        outcome = _parse_outcome(d.pop("outcome"))

        def _parse_cause_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        cause_code = _parse_cause_code(d.pop("cause_code"))

        previous_visit = cls(
            job_id=job_id,
            visit_number=visit_number,
            status=status,
            technician_id=technician_id,
            completed_at=completed_at,
            resolution=resolution,
            outcome=outcome,
            cause_code=cause_code,
        )

        previous_visit.additional_properties = d
        return previous_visit

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
