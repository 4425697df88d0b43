from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ReceptionOut")


@_attrs_define
class ReceptionOut:
    """
    Attributes:
        id (UUID):
        customer_id (UUID):
        customer_name (None | str): null until a ticket of theirs reaches feedback
        host_staff_id (UUID):
        host_name (None | str):
        arrives_at (datetime.datetime):
        departs_at (datetime.datetime):
        arrangements (list[str]):
        notes (None | str):
        created_by (str):
        created_at (datetime.datetime):
    """

    id: UUID
    customer_id: UUID
    customer_name: None | str
    host_staff_id: UUID
    host_name: None | str
    arrives_at: datetime.datetime
    departs_at: datetime.datetime
    arrangements: list[str]
    notes: None | str
    created_by: str
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        customer_id = str(self.customer_id)

        customer_name: None | str
        customer_name = self.customer_name

        host_staff_id = str(self.host_staff_id)

        host_name: None | str
        host_name = self.host_name

        arrives_at = self.arrives_at.isoformat()

        departs_at = self.departs_at.isoformat()

        arrangements = self.arrangements

        notes: None | str
        notes = self.notes

        created_by = self.created_by

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "customer_id": customer_id,
                "customer_name": customer_name,
                "host_staff_id": host_staff_id,
                "host_name": host_name,
                "arrives_at": arrives_at,
                "departs_at": departs_at,
                "arrangements": arrangements,
                "notes": notes,
                "created_by": created_by,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        customer_id = UUID(d.pop("customer_id"))

        def _parse_customer_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        customer_name = _parse_customer_name(d.pop("customer_name"))

        host_staff_id = UUID(d.pop("host_staff_id"))

        def _parse_host_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        host_name = _parse_host_name(d.pop("host_name"))

        arrives_at = datetime.datetime.fromisoformat(d.pop("arrives_at"))

        departs_at = datetime.datetime.fromisoformat(d.pop("departs_at"))

        arrangements = cast(list[str], d.pop("arrangements"))

        def _parse_notes(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        notes = _parse_notes(d.pop("notes"))

        created_by = d.pop("created_by")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        reception_out = cls(
            id=id,
            customer_id=customer_id,
            customer_name=customer_name,
            host_staff_id=host_staff_id,
            host_name=host_name,
            arrives_at=arrives_at,
            departs_at=departs_at,
            arrangements=arrangements,
            notes=notes,
            created_by=created_by,
            created_at=created_at,
        )

        reception_out.additional_properties = d
        return reception_out

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
