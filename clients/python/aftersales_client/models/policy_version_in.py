from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="PolicyVersionIn")


@_attrs_define
class PolicyVersionIn:
    """
    Attributes:
        value (Any):
        effective_from (datetime.datetime):
        note (str | Unset):  Default: ''.
    """

    value: Any
    effective_from: datetime.datetime
    note: str | Unset = ""

    def to_dict(self) -> dict[str, Any]:
        value = self.value

        effective_from = self.effective_from.isoformat()

        note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "value": value,
                "effective_from": effective_from,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        value = d.pop("value")

        effective_from = datetime.datetime.fromisoformat(d.pop("effective_from"))

        note = d.pop("note", UNSET)

        policy_version_in = cls(
            value=value,
            effective_from=effective_from,
            note=note,
        )

        return policy_version_in
