from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.billing_money import BillingMoney


T = TypeVar("T", bound="StaffPenaltyOut")


@_attrs_define
class StaffPenaltyOut:
    """
    Attributes:
        id (UUID):
        technician_id (UUID):
        point_id (None | UUID):
        complaint_id (UUID):
        strike (int):
        amount (BillingMoney):
        reason (str):
        deducted_from_point (bool):
        month (str):
        decided_at (datetime.datetime):
    """

    id: UUID
    technician_id: UUID
    point_id: None | UUID
    complaint_id: UUID
    strike: int
    amount: BillingMoney
    reason: str
    deducted_from_point: bool
    month: str
    decided_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        technician_id = str(self.technician_id)

        point_id: None | str
        if isinstance(self.point_id, UUID):
            point_id = str(self.point_id)
        else:
            point_id = self.point_id

        complaint_id = str(self.complaint_id)

        strike = self.strike

        amount = self.amount.to_dict()

        reason = self.reason

        deducted_from_point = self.deducted_from_point

        month = self.month

        decided_at = self.decided_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "technician_id": technician_id,
                "point_id": point_id,
                "complaint_id": complaint_id,
                "strike": strike,
                "amount": amount,
                "reason": reason,
                "deducted_from_point": deducted_from_point,
                "month": month,
                "decided_at": decided_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.billing_money import BillingMoney

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        technician_id = UUID(d.pop("technician_id"))

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

        complaint_id = UUID(d.pop("complaint_id"))

        strike = d.pop("strike")

        amount = BillingMoney.from_dict(d.pop("amount"))

        reason = d.pop("reason")

        deducted_from_point = d.pop("deducted_from_point")

        month = d.pop("month")

        decided_at = datetime.datetime.fromisoformat(d.pop("decided_at"))

        staff_penalty_out = cls(
            id=id,
            technician_id=technician_id,
            point_id=point_id,
            complaint_id=complaint_id,
            strike=strike,
            amount=amount,
            reason=reason,
            deducted_from_point=deducted_from_point,
            month=month,
            decided_at=decided_at,
        )

        staff_penalty_out.additional_properties = d
        return staff_penalty_out

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
