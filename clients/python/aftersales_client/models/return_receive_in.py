from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.return_receive_in_condition import ReturnReceiveInCondition

T = TypeVar("T", bound="ReturnReceiveIn")


@_attrs_define
class ReturnReceiveIn:
    """
    Attributes:
        condition (ReturnReceiveInCondition):
    """

    condition: ReturnReceiveInCondition

    def to_dict(self) -> dict[str, Any]:
        condition = self.condition.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "condition": condition,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        condition = ReturnReceiveInCondition(d.pop("condition"))

        return_receive_in = cls(
            condition=condition,
        )

        return return_receive_in
