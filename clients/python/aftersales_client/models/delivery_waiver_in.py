from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.delivery_waiver_in_cause import DeliveryWaiverInCause

T = TypeVar("T", bound="DeliveryWaiverIn")


@_attrs_define
class DeliveryWaiverIn:
    """
    Attributes:
        cause (DeliveryWaiverInCause): the outside cause finance accepts for the delay
        reason (str):
    """

    cause: DeliveryWaiverInCause
    reason: str

    def to_dict(self) -> dict[str, Any]:
        cause = self.cause.value

        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "cause": cause,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        cause = DeliveryWaiverInCause(d.pop("cause"))

        reason = d.pop("reason")

        delivery_waiver_in = cls(
            cause=cause,
            reason=reason,
        )

        return delivery_waiver_in
