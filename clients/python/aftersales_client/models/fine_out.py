from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="FineOut")


@_attrs_define
class FineOut:
    """
    Attributes:
        id (UUID):
        complaint_id (UUID):
        reception_id (None | UUID):
        reason (str):
        amount (int): minor units (fen)
        currency (str):
        month (str):
        decided_at (datetime.datetime):
    """

    id: UUID
    complaint_id: UUID
    reception_id: None | UUID
    reason: str
    amount: int
    currency: str
    month: str
    decided_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        complaint_id = str(self.complaint_id)

        reception_id: None | str
        if isinstance(self.reception_id, UUID):
            reception_id = str(self.reception_id)
        else:
            reception_id = self.reception_id

        reason = self.reason

        amount = self.amount

        currency = self.currency

        month = self.month

        decided_at = self.decided_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "complaint_id": complaint_id,
                "reception_id": reception_id,
                "reason": reason,
                "amount": amount,
                "currency": currency,
                "month": month,
                "decided_at": decided_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        complaint_id = UUID(d.pop("complaint_id"))

        def _parse_reception_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reception_id_type_0 = UUID(data)

                return reception_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        reception_id = _parse_reception_id(d.pop("reception_id"))

        reason = d.pop("reason")

        amount = d.pop("amount")

        currency = d.pop("currency")

        month = d.pop("month")

        decided_at = datetime.datetime.fromisoformat(d.pop("decided_at"))

        fine_out = cls(
            id=id,
            complaint_id=complaint_id,
            reception_id=reception_id,
            reason=reason,
            amount=amount,
            currency=currency,
            month=month,
            decided_at=decided_at,
        )

        fine_out.additional_properties = d
        return fine_out

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
