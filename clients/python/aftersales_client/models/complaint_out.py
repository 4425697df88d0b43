from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.complaint_out_category import ComplaintOutCategory
from ..models.complaint_out_status import ComplaintOutStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="ComplaintOut")


@_attrs_define
class ComplaintOut:
    """
    Attributes:
        id (UUID):
        ticket_id (UUID):
        point_id (None | UUID):
        technician_id (None | UUID):
        staff_id (None | UUID): the staff member it is about (any role)
        category (ComplaintOutCategory):
        callback_id (None | UUID): the callback whose outcome opened it
        reopen_count (int): reopened by its satisfaction call, with fresh clocks
        source (str):
        text (str):
        status (ComplaintOutStatus):
        opened_at (datetime.datetime):
        reply_by (datetime.datetime):
        resolve_by (datetime.datetime):
        reply (None | str):
        replied_at (datetime.datetime | None):
        resolution (None | str):
        substantiated (bool | None):
        resolved_at (datetime.datetime | None):
        counted_month (None | str): the month whose scorecards count it: set once substantiated (its own month, or the
            next one not yet graded when its own was graded already)
        attribution_reason (None | str): why the centre named someone who did not serve the ticket (staff only)
        reply_overdue (bool):
        resolve_overdue (bool):
        version (int):
        updated_at (datetime.datetime):
        reception_id (None | Unset | UUID): the reception it is about (its host is ``staff_id``)
    """

    id: UUID
    ticket_id: UUID
    point_id: None | UUID
    technician_id: None | UUID
    staff_id: None | UUID
    category: ComplaintOutCategory
    callback_id: None | UUID
    reopen_count: int
    source: str
    text: str
    status: ComplaintOutStatus
    opened_at: datetime.datetime
    reply_by: datetime.datetime
    resolve_by: datetime.datetime
    reply: None | str
    replied_at: datetime.datetime | None
    resolution: None | str
    substantiated: bool | None
    resolved_at: datetime.datetime | None
    counted_month: None | str
    attribution_reason: None | str
    reply_overdue: bool
    resolve_overdue: bool
    version: int
    updated_at: datetime.datetime
    reception_id: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        ticket_id = str(self.ticket_id)

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

        staff_id: None | str
        if isinstance(self.staff_id, UUID):
            staff_id = str(self.staff_id)
        else:
            staff_id = self.staff_id

        category = self.category.value

        callback_id: None | str
        if isinstance(self.callback_id, UUID):
            callback_id = str(self.callback_id)
        else:
            callback_id = self.callback_id

        reopen_count = self.reopen_count

        source = self.source

        text = self.text

        status = self.status.value

        opened_at = self.opened_at.isoformat()

        reply_by = self.reply_by.isoformat()

        resolve_by = self.resolve_by.isoformat()

        reply: None | str
        reply = self.reply

        replied_at: None | str
        if isinstance(self.replied_at, datetime.datetime):
            replied_at = self.replied_at.isoformat()
        else:
            replied_at = self.replied_at

        resolution: None | str
        resolution = self.resolution

        substantiated: bool | None
        substantiated = self.substantiated

        resolved_at: None | str
        if isinstance(self.resolved_at, datetime.datetime):
            resolved_at = self.resolved_at.isoformat()
        else:
            resolved_at = self.resolved_at

        counted_month: None | str
        counted_month = self.counted_month

        attribution_reason: None | str
        attribution_reason = self.attribution_reason

        reply_overdue = self.reply_overdue

        resolve_overdue = self.resolve_overdue

        version = self.version

        updated_at = self.updated_at.isoformat()

        reception_id: None | str | Unset
        if isinstance(self.reception_id, Unset):
            reception_id = UNSET
        elif isinstance(self.reception_id, UUID):
            reception_id = str(self.reception_id)
        else:
            reception_id = self.reception_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "ticket_id": ticket_id,
                "point_id": point_id,
                "technician_id": technician_id,
                "staff_id": staff_id,
                "category": category,
                "callback_id": callback_id,
                "reopen_count": reopen_count,
                "source": source,
                "text": text,
                "status": status,
                "opened_at": opened_at,
                "reply_by": reply_by,
                "resolve_by": resolve_by,
                "reply": reply,
                "replied_at": replied_at,
                "resolution": resolution,
                "substantiated": substantiated,
                "resolved_at": resolved_at,
                "counted_month": counted_month,
                "attribution_reason": attribution_reason,
                "reply_overdue": reply_overdue,
                "resolve_overdue": resolve_overdue,
                "version": version,
                "updated_at": updated_at,
            }
        )
        if reception_id is not UNSET:
            field_dict["reception_id"] = reception_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        ticket_id = UUID(d.pop("ticket_id"))

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

        def _parse_staff_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                staff_id_type_0 = UUID(data)

                return staff_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        staff_id = _parse_staff_id(d.pop("staff_id"))

        category = ComplaintOutCategory(d.pop("category"))

        def _parse_callback_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                callback_id_type_0 = UUID(data)

                return callback_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        callback_id = _parse_callback_id(d.pop("callback_id"))

        reopen_count = d.pop("reopen_count")

        source = d.pop("source")

        text = d.pop("text")

        status = ComplaintOutStatus(d.pop("status"))

        opened_at = datetime.datetime.fromisoformat(d.pop("opened_at"))

        reply_by = datetime.datetime.fromisoformat(d.pop("reply_by"))

        resolve_by = datetime.datetime.fromisoformat(d.pop("resolve_by"))

        def _parse_reply(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reply = _parse_reply(d.pop("reply"))

        def _parse_replied_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                replied_at_type_0 = datetime.datetime.fromisoformat(data)

                return replied_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        replied_at = _parse_replied_at(d.pop("replied_at"))

        def _parse_resolution(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        resolution = _parse_resolution(d.pop("resolution"))

        def _parse_substantiated(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        substantiated = _parse_substantiated(d.pop("substantiated"))

        def _parse_resolved_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                resolved_at_type_0 = datetime.datetime.fromisoformat(data)

                return resolved_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        resolved_at = _parse_resolved_at(d.pop("resolved_at"))

        def _parse_counted_month(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        counted_month = _parse_counted_month(d.pop("counted_month"))

        def _parse_attribution_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        attribution_reason = _parse_attribution_reason(d.pop("attribution_reason"))

        reply_overdue = d.pop("reply_overdue")

        resolve_overdue = d.pop("resolve_overdue")

        version = d.pop("version")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_reception_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reception_id_type_0 = UUID(data)

                return reception_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        reception_id = _parse_reception_id(d.pop("reception_id", UNSET))

        complaint_out = cls(
            id=id,
            ticket_id=ticket_id,
            point_id=point_id,
            technician_id=technician_id,
            staff_id=staff_id,
            category=category,
            callback_id=callback_id,
            reopen_count=reopen_count,
            source=source,
            text=text,
            status=status,
            opened_at=opened_at,
            reply_by=reply_by,
            resolve_by=resolve_by,
            reply=reply,
            replied_at=replied_at,
            resolution=resolution,
            substantiated=substantiated,
            resolved_at=resolved_at,
            counted_month=counted_month,
            attribution_reason=attribution_reason,
            reply_overdue=reply_overdue,
            resolve_overdue=resolve_overdue,
            version=version,
            updated_at=updated_at,
            reception_id=reception_id,
        )

        complaint_out.additional_properties = d
        return complaint_out

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
