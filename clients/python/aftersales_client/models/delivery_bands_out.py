from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.pair_out import PairOut
    from ..models.prefix_band_out import PrefixBandOut


T = TypeVar("T", bound="DeliveryBandsOut")


@_attrs_define
class DeliveryBandsOut:
    """
    Attributes:
        pairs (list[PairOut]): from the warehouse's region to the address's: the most specific wins
        prefix_bands (list[PrefixBandOut]): when no pair matches: the longest prefix the two regions share
        default_days (int): when nothing matches (DISPATCH_DELIVERY_DEFAULT_DAYS)
        version (int): 0 before the first set; send it as If-Match to replace
        updated_at (datetime.datetime | None):
        updated_by (None | str):
    """

    pairs: list[PairOut]
    prefix_bands: list[PrefixBandOut]
    default_days: int
    version: int
    updated_at: datetime.datetime | None
    updated_by: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        pairs = []
        for pairs_item_data in self.pairs:
            pairs_item = pairs_item_data.to_dict()
            pairs.append(pairs_item)

        prefix_bands = []
        for prefix_bands_item_data in self.prefix_bands:
            prefix_bands_item = prefix_bands_item_data.to_dict()
            prefix_bands.append(prefix_bands_item)

        default_days = self.default_days

        version = self.version

        updated_at: None | str
        if isinstance(self.updated_at, datetime.datetime):
            updated_at = self.updated_at.isoformat()
        else:
            updated_at = self.updated_at

        updated_by: None | str
        updated_by = self.updated_by

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "pairs": pairs,
                "prefix_bands": prefix_bands,
                "default_days": default_days,
                "version": version,
                "updated_at": updated_at,
                "updated_by": updated_by,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.pair_out import PairOut
        from ..models.prefix_band_out import PrefixBandOut

        d = dict(src_dict)
        pairs = []
        _pairs = d.pop("pairs")
        for pairs_item_data in _pairs:
            pairs_item = PairOut.from_dict(pairs_item_data)

            pairs.append(pairs_item)

        prefix_bands = []
        _prefix_bands = d.pop("prefix_bands")
        for prefix_bands_item_data in _prefix_bands:
            prefix_bands_item = PrefixBandOut.from_dict(prefix_bands_item_data)

            prefix_bands.append(prefix_bands_item)

        default_days = d.pop("default_days")

        version = d.pop("version")

        def _parse_updated_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                updated_at_type_0 = datetime.datetime.fromisoformat(data)

                return updated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        updated_at = _parse_updated_at(d.pop("updated_at"))

        def _parse_updated_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        updated_by = _parse_updated_by(d.pop("updated_by"))

        delivery_bands_out = cls(
            pairs=pairs,
            prefix_bands=prefix_bands,
            default_days=default_days,
            version=version,
            updated_at=updated_at,
            updated_by=updated_by,
        )

        delivery_bands_out.additional_properties = d
        return delivery_bands_out

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
