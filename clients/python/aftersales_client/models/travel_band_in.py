from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="TravelBandIn")


@_attrs_define
class TravelBandIn:
    """
    Attributes:
        up_to_km (int):
        fee (int): integer minor units (fen)
    """

    up_to_km: int
    fee: int

    def to_dict(self) -> dict[str, Any]:
        up_to_km = self.up_to_km

        fee = self.fee

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "up_to_km": up_to_km,
                "fee": fee,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        up_to_km = d.pop("up_to_km")

        fee = d.pop("fee")

        travel_band_in = cls(
            up_to_km=up_to_km,
            fee=fee,
        )

        return travel_band_in
