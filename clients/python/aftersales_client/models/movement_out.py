from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="MovementOut")


@_attrs_define
class MovementOut:
    """
    Attributes:
        id (UUID):
        location_id (UUID):
        sku (str):
        kind (str):
        qty (int): signed: its effect on hand
        on_hand_after (int):
        shortfall_after (int):
        reference (None | str):
        reason (None | str):
        job_id (None | UUID):
        counterpart_id (None | UUID):
        actor (str):
        at (datetime.datetime):
    """

    id: UUID
    location_id: UUID
    sku: str
    kind: str
    qty: int
    on_hand_after: int
    shortfall_after: int
    reference: None | str
    reason: None | str
    job_id: None | UUID
    counterpart_id: None | UUID
    actor: str
    at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        location_id = str(self.location_id)

        sku = self.sku

        kind = self.kind

        qty = self.qty

        on_hand_after = self.on_hand_after

        shortfall_after = self.shortfall_after

        reference: None | str
        reference = self.reference

        reason: None | str
        reason = self.reason

        job_id: None | str
        if isinstance(self.job_id, UUID):
            job_id = str(self.job_id)
        else:
            job_id = self.job_id

        counterpart_id: None | str
        if isinstance(self.counterpart_id, UUID):
            counterpart_id = str(self.counterpart_id)
        else:
            counterpart_id = self.counterpart_id

        actor = self.actor

        at = self.at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "location_id": location_id,
                "sku": sku,
                "kind": kind,
                "qty": qty,
                "on_hand_after": on_hand_after,
                "shortfall_after": shortfall_after,
                "reference": reference,
                "reason": reason,
                "job_id": job_id,
                "counterpart_id": counterpart_id,
                "actor": actor,
                "at": at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        location_id = UUID(d.pop("location_id"))

        sku = d.pop("sku")

        kind = d.pop("kind")

        qty = d.pop("qty")

        on_hand_after = d.pop("on_hand_after")

        shortfall_after = d.pop("shortfall_after")

        def _parse_reference(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reference = _parse_reference(d.pop("reference"))

        def _parse_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))

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

        def _parse_counterpart_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                counterpart_id_type_0 = UUID(data)

                return counterpart_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        counterpart_id = _parse_counterpart_id(d.pop("counterpart_id"))

        actor = d.pop("actor")

        at = datetime.datetime.fromisoformat(d.pop("at"))

        movement_out = cls(
            id=id,
            location_id=location_id,
            sku=sku,
            kind=kind,
            qty=qty,
            on_hand_after=on_hand_after,
            shortfall_after=shortfall_after,
            reference=reference,
            reason=reason,
            job_id=job_id,
            counterpart_id=counterpart_id,
            actor=actor,
            at=at,
        )

        movement_out.additional_properties = d
        return movement_out

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
