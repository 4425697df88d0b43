from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.requisition_line_out import RequisitionLineOut


T = TypeVar("T", bound="RequisitionOut")


@_attrs_define
class RequisitionOut:
    """
    Attributes:
        id (UUID):
        point_id (UUID):
        job_id (None | UUID):
        urgent (bool):
        status (str):
        lines (list[RequisitionLineOut]):
        from_location_id (None | UUID):
        carrier (None | str):
        tracking_no (None | str):
        reason (None | str):
        requested_by (str):
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: UUID
    point_id: UUID
    job_id: None | UUID
    urgent: bool
    status: str
    lines: list[RequisitionLineOut]
    from_location_id: None | UUID
    carrier: None | str
    tracking_no: None | str
    reason: None | str
    requested_by: str
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        point_id = str(self.point_id)

        job_id: None | str
        if isinstance(self.job_id, UUID):
            job_id = str(self.job_id)
        else:
            job_id = self.job_id

        urgent = self.urgent

        status = self.status

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        from_location_id: None | str
        if isinstance(self.from_location_id, UUID):
            from_location_id = str(self.from_location_id)
        else:
            from_location_id = self.from_location_id

        carrier: None | str
        carrier = self.carrier

        tracking_no: None | str
        tracking_no = self.tracking_no

        reason: None | str
        reason = self.reason

        requested_by = self.requested_by

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "point_id": point_id,
                "job_id": job_id,
                "urgent": urgent,
                "status": status,
                "lines": lines,
                "from_location_id": from_location_id,
                "carrier": carrier,
                "tracking_no": tracking_no,
                "reason": reason,
                "requested_by": requested_by,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.requisition_line_out import RequisitionLineOut

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        point_id = UUID(d.pop("point_id"))

        def _parse_job_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                job_id_type_0 = UUID(data)

                return job_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        job_id = _parse_job_id(d.pop("job_id"))

        urgent = d.pop("urgent")

        status = d.pop("status")

        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = RequisitionLineOut.from_dict(lines_item_data)

            lines.append(lines_item)

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

        def _parse_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))

        requested_by = d.pop("requested_by")

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        requisition_out = cls(
            id=id,
            point_id=point_id,
            job_id=job_id,
            urgent=urgent,
            status=status,
            lines=lines,
            from_location_id=from_location_id,
            carrier=carrier,
            tracking_no=tracking_no,
            reason=reason,
            requested_by=requested_by,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
        )

        requisition_out.additional_properties = d
        return requisition_out

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
