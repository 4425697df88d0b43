from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.reception_in_arrangements_item import ReceptionInArrangementsItem
from ..types import UNSET, Unset

T = TypeVar("T", bound="ReceptionIn")


@_attrs_define
class ReceptionIn:
    """
    Attributes:
        customer_id (UUID): intake's customer (accepted before feedback hears of them)
        host_staff_id (UUID): the host, on the staff register (GET /v1/staff)
        arrives_at (datetime.datetime):
        departs_at (datetime.datetime): after arrives_at
        arrangements (list[ReceptionInArrangementsItem] | Unset): what the host arranges
        notes (None | str | Unset):
    """

    customer_id: UUID
    host_staff_id: UUID
    arrives_at: datetime.datetime
    departs_at: datetime.datetime
    arrangements: list[ReceptionInArrangementsItem] | Unset = UNSET
    notes: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        customer_id = str(self.customer_id)

        host_staff_id = str(self.host_staff_id)

        arrives_at = self.arrives_at.isoformat()

        departs_at = self.departs_at.isoformat()

        arrangements: list[str] | Unset = UNSET
        if not isinstance(self.arrangements, Unset):
            arrangements = []
            for arrangements_item_data in self.arrangements:
                arrangements_item = arrangements_item_data.value
                arrangements.append(arrangements_item)

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "customer_id": customer_id,
                "host_staff_id": host_staff_id,
                "arrives_at": arrives_at,
                "departs_at": departs_at,
            }
        )
        if arrangements is not UNSET:
            field_dict["arrangements"] = arrangements
        if notes is not UNSET:
            field_dict["notes"] = notes

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        customer_id = UUID(d.pop("customer_id"))

        host_staff_id = UUID(d.pop("host_staff_id"))

        arrives_at = datetime.datetime.fromisoformat(d.pop("arrives_at"))

        departs_at = datetime.datetime.fromisoformat(d.pop("departs_at"))

        _arrangements = d.pop("arrangements", UNSET)
        arrangements: list[ReceptionInArrangementsItem] | Unset = UNSET
        if _arrangements is not UNSET:
            arrangements = []
            for arrangements_item_data in _arrangements:
                arrangements_item = ReceptionInArrangementsItem(arrangements_item_data)

                arrangements.append(arrangements_item)

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        reception_in = cls(
            customer_id=customer_id,
            host_staff_id=host_staff_id,
            arrives_at=arrives_at,
            departs_at=departs_at,
            arrangements=arrangements,
            notes=notes,
        )

        return reception_in
