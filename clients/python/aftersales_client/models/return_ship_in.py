from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ReturnShipIn")


@_attrs_define
class ReturnShipIn:
    """
    Attributes:
        carrier (None | str | Unset):
        tracking_no (None | str | Unset):
    """

    carrier: None | str | Unset = UNSET
    tracking_no: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        carrier: None | str | Unset
        if isinstance(self.carrier, Unset):
            carrier = UNSET
        else:
            carrier = self.carrier

        tracking_no: None | str | Unset
        if isinstance(self.tracking_no, Unset):
            tracking_no = UNSET
        else:
            tracking_no = self.tracking_no

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if carrier is not UNSET:
            field_dict["carrier"] = carrier
        if tracking_no is not UNSET:
            field_dict["tracking_no"] = tracking_no

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_carrier(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        carrier = _parse_carrier(d.pop("carrier", UNSET))

        def _parse_tracking_no(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        tracking_no = _parse_tracking_no(d.pop("tracking_no", UNSET))

        return_ship_in = cls(
            carrier=carrier,
            tracking_no=tracking_no,
        )

        return return_ship_in
