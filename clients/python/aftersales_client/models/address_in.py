from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="AddressIn")


@_attrs_define
class AddressIn:
    """
    Attributes:
        region (str): administrative region code, e.g. 310115
        city (str):
        line (str):
        postal_code (None | str | Unset):
    """

    region: str
    city: str
    line: str
    postal_code: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        region = self.region

        city = self.city

        line = self.line

        postal_code: None | str | Unset
        if isinstance(self.postal_code, Unset):
            postal_code = UNSET
        else:
            postal_code = self.postal_code

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "region": region,
                "city": city,
                "line": line,
            }
        )
        if postal_code is not UNSET:
            field_dict["postal_code"] = postal_code

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        region = d.pop("region")

        city = d.pop("city")

        line = d.pop("line")

        def _parse_postal_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        postal_code = _parse_postal_code(d.pop("postal_code", UNSET))

        address_in = cls(
            region=region,
            city=city,
            line=line,
            postal_code=postal_code,
        )

        return address_in
