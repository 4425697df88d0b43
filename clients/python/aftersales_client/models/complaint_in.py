from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.complaint_in_category import ComplaintInCategory
from ..types import UNSET, Unset

T = TypeVar("T", bound="ComplaintIn")


@_attrs_define
class ComplaintIn:
    """
    Attributes:
        ticket_id (UUID):
        text (str):
        technician_id (None | Unset | UUID): a technician assigned to or sent on one of the ticket's jobs
        point_id (None | Unset | UUID): a point offered or assigned one of the ticket's jobs; with neither named, the
            complaint is about the ticket's latest visit
        attribution_reason (None | str | Unset): the centre's reason for naming a point or technician that was not
            offered, assigned or sent to any of the ticket's jobs (agents and admins only; audited)
        category (ComplaintInCategory | Unset): conduct (words, behaviour, attitude, manner: substantiated, a strike on
            the person named), quality, delay or other (substantiated, they grade the point only) Default:
            ComplaintInCategory.CONDUCT.
        staff_id (None | Unset | UUID): a service person of the staff register (GET /v1/staff): an agent, host, sales-
            service staff member or technician; 422 when not registered
        reception_id (None | Unset | UUID): a complaint about a reception (POST /v1/receptions), on a complaint ticket
            of the visiting customer: it names the reception's host; substantiated, it fines the host
            FEEDBACK_RECEPTION_PENALTY (422 for another customer's ticket or another person)
    """

    ticket_id: UUID
    text: str
    technician_id: None | Unset | UUID = UNSET
    point_id: None | Unset | UUID = UNSET
    attribution_reason: None | str | Unset = UNSET
    category: ComplaintInCategory | Unset = ComplaintInCategory.CONDUCT
    staff_id: None | Unset | UUID = UNSET
    reception_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        ticket_id = str(self.ticket_id)

        text = self.text

        technician_id: None | str | Unset
        if isinstance(self.technician_id, Unset):
            technician_id = UNSET
        elif isinstance(self.technician_id, UUID):
            technician_id = str(self.technician_id)
        else:
            technician_id = self.technician_id

        point_id: None | str | Unset
        if isinstance(self.point_id, Unset):
            point_id = UNSET
        elif isinstance(self.point_id, UUID):
            point_id = str(self.point_id)
        else:
            point_id = self.point_id

        attribution_reason: None | str | Unset
        if isinstance(self.attribution_reason, Unset):
            attribution_reason = UNSET
        else:
            attribution_reason = self.attribution_reason

        category: str | Unset = UNSET
        if not isinstance(self.category, Unset):
            category = self.category.value

        staff_id: None | str | Unset
        if isinstance(self.staff_id, Unset):
            staff_id = UNSET
        elif isinstance(self.staff_id, UUID):
            staff_id = str(self.staff_id)
        else:
            staff_id = self.staff_id

        reception_id: None | str | Unset
        if isinstance(self.reception_id, Unset):
            reception_id = UNSET
        elif isinstance(self.reception_id, UUID):
            reception_id = str(self.reception_id)
        else:
            reception_id = self.reception_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "ticket_id": ticket_id,
                "text": text,
            }
        )
        if technician_id is not UNSET:
            field_dict["technician_id"] = technician_id
        if point_id is not UNSET:
            field_dict["point_id"] = point_id
        if attribution_reason is not UNSET:
            field_dict["attribution_reason"] = attribution_reason
        if category is not UNSET:
            field_dict["category"] = category
        if staff_id is not UNSET:
            field_dict["staff_id"] = staff_id
        if reception_id is not UNSET:
            field_dict["reception_id"] = reception_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        ticket_id = UUID(d.pop("ticket_id"))

        text = d.pop("text")

        def _parse_technician_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                technician_id_type_0 = UUID(data)

                return technician_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        technician_id = _parse_technician_id(d.pop("technician_id", UNSET))

        def _parse_point_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                point_id_type_0 = UUID(data)

                return point_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        point_id = _parse_point_id(d.pop("point_id", UNSET))

        def _parse_attribution_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        attribution_reason = _parse_attribution_reason(
            d.pop("attribution_reason", UNSET)
        )

        _category = d.pop("category", UNSET)
        category: ComplaintInCategory | Unset
        if isinstance(_category, Unset):
            category = UNSET
        else:
            category = ComplaintInCategory(_category)

        def _parse_staff_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                staff_id_type_0 = UUID(data)

                return staff_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        staff_id = _parse_staff_id(d.pop("staff_id", UNSET))

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

        complaint_in = cls(
            ticket_id=ticket_id,
            text=text,
            technician_id=technician_id,
            point_id=point_id,
            attribution_reason=attribution_reason,
            category=category,
            staff_id=staff_id,
            reception_id=reception_id,
        )

        return complaint_in
