from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.window_out import WindowOut


T = TypeVar("T", bound="Assignment")


@_attrs_define
class Assignment:
    """
    Attributes:
        job_id (UUID):
        point_id (None | UUID):
        technician_id (None | UUID):
        appointment (None | WindowOut):
    """

    job_id: UUID
    point_id: None | UUID
    technician_id: None | UUID
    appointment: None | WindowOut
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.window_out import WindowOut

        job_id = str(self.job_id)

        point_id: None | str
        if isinstance(self.point_id, UUID):
            point_id = str(self.point_id)
        else:
            point_id = self.point_id

        technician_id: None | str
        if isinstance(self.technician_id, UUID):
            technician_id = str(self.technician_id)
        else:
            technician_id = self.technician_id

        appointment: dict[str, Any] | None
        if isinstance(self.appointment, WindowOut):
            appointment = self.appointment.to_dict()
        else:
            appointment = self.appointment

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "job_id": job_id,
                "point_id": point_id,
                "technician_id": technician_id,
                "appointment": appointment,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.window_out import WindowOut

        d = dict(src_dict)
        job_id = UUID(d.pop("job_id"))

        def _parse_point_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                point_id_type_0 = UUID(data)

                return point_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        point_id = _parse_point_id(d.pop("point_id"))

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

        def _parse_appointment(data: object) -> None | WindowOut:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                appointment_type_0 = WindowOut.from_dict(data)

                return appointment_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | WindowOut, data)

        appointment = _parse_appointment(d.pop("appointment"))

        assignment = cls(
            job_id=job_id,
            point_id=point_id,
            technician_id=technician_id,
            appointment=appointment,
        )

        assignment.additional_properties = d
        return assignment

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
