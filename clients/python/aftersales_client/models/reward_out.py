from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.reward_out_role import RewardOutRole

T = TypeVar("T", bound="RewardOut")


@_attrs_define
class RewardOut:
    """
    Attributes:
        id (UUID):
        staff_id (UUID):
        role (RewardOutRole):
        point_id (None | UUID):
        month (str):
        amount (int): minor units (fen)
        currency (str):
        jobs (int):
        reached (int):
        satisfied (int):
        reason (str):
        decided_at (datetime.datetime):
    """

    id: UUID
    staff_id: UUID
    role: RewardOutRole
    point_id: None | UUID
    month: str
    amount: int
    currency: str
    jobs: int
    reached: int
    satisfied: int
    reason: str
    decided_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        staff_id = str(self.staff_id)

        role = self.role.value

        point_id: None | str
        if isinstance(self.point_id, UUID):
            point_id = str(self.point_id)
        else:
            point_id = self.point_id

        month = self.month

        amount = self.amount

        currency = self.currency

        jobs = self.jobs

        reached = self.reached

        satisfied = self.satisfied

        reason = self.reason

        decided_at = self.decided_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "staff_id": staff_id,
                "role": role,
                "point_id": point_id,
                "month": month,
                "amount": amount,
                "currency": currency,
                "jobs": jobs,
                "reached": reached,
                "satisfied": satisfied,
                "reason": reason,
                "decided_at": decided_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        staff_id = UUID(d.pop("staff_id"))

        role = RewardOutRole(d.pop("role"))

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

        month = d.pop("month")

        amount = d.pop("amount")

        currency = d.pop("currency")

        jobs = d.pop("jobs")

        reached = d.pop("reached")

        satisfied = d.pop("satisfied")

        reason = d.pop("reason")

        decided_at = datetime.datetime.fromisoformat(d.pop("decided_at"))

        reward_out = cls(
            id=id,
            staff_id=staff_id,
            role=role,
            point_id=point_id,
            month=month,
            amount=amount,
            currency=currency,
            jobs=jobs,
            reached=reached,
            satisfied=satisfied,
            reason=reason,
            decided_at=decided_at,
        )

        reward_out.additional_properties = d
        return reward_out

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
