from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="SampleReceivedIn")


@_attrs_define
class SampleReceivedIn:
    """
    Attributes:
        received_at (datetime.datetime): when the sample arrived; its clocks run from it
        reference (str): the sample's label
    """

    received_at: datetime.datetime
    reference: str

    def to_dict(self) -> dict[str, Any]:
        received_at = self.received_at.isoformat()

        reference = self.reference

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "received_at": received_at,
                "reference": reference,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        received_at = datetime.datetime.fromisoformat(d.pop("received_at"))

        reference = d.pop("reference")

        sample_received_in = cls(
            received_at=received_at,
            reference=reference,
        )

        return sample_received_in
