from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="OfferOut")


@_attrs_define
class OfferOut:
    """
    Attributes:
        point_id (UUID):
        attempt (int):
        offered_at (datetime.datetime):
        expires_at (datetime.datetime):
        outcome (str):
        reason (None | str):
        decided_at (datetime.datetime | None):
        why (None | str): why the point was chosen (the network's staff only)
    """

    point_id: UUID
    attempt: int
    offered_at: datetime.datetime
    expires_at: datetime.datetime
    outcome: str
    reason: None | str
    decided_at: datetime.datetime | None
    why: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        point_id = str(self.point_id)

        attempt = self.attempt

        offered_at = self.offered_at.isoformat()

        expires_at = self.expires_at.isoformat()

        outcome = self.outcome

        reason: None | str
        reason = self.reason

        decided_at: None | str
        if isinstance(self.decided_at, datetime.datetime):
            decided_at = self.decided_at.isoformat()
        else:
            decided_at = self.decided_at

        why: None | str
        why = self.why

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "point_id": point_id,
                "attempt": attempt,
                "offered_at": offered_at,
                "expires_at": expires_at,
                "outcome": outcome,
                "reason": reason,
                "decided_at": decided_at,
                "why": why,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        point_id = UUID(d.pop("point_id"))

        attempt = d.pop("attempt")

        offered_at = datetime.datetime.fromisoformat(d.pop("offered_at"))

        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))

        outcome = d.pop("outcome")

        def _parse_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))

        def _parse_decided_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decided_at_type_0 = datetime.datetime.fromisoformat(data)

                return decided_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        decided_at = _parse_decided_at(d.pop("decided_at"))

        def _parse_why(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        why = _parse_why(d.pop("why"))

        offer_out = cls(
            point_id=point_id,
            attempt=attempt,
            offered_at=offered_at,
            expires_at=expires_at,
            outcome=outcome,
            reason=reason,
            decided_at=decided_at,
            why=why,
        )

        offer_out.additional_properties = d
        return offer_out

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
