from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.pair_in import PairIn
    from ..models.prefix_band_in import PrefixBandIn


T = TypeVar("T", bound="DeliveryBandsIn")


@_attrs_define
class DeliveryBandsIn:
    """
    Attributes:
        pairs (list[PairIn] | Unset):
        prefix_bands (list[PrefixBandIn] | Unset):
    """

    pairs: list[PairIn] | Unset = UNSET
    prefix_bands: list[PrefixBandIn] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        pairs: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.pairs, Unset):
            pairs = []
            for pairs_item_data in self.pairs:
                pairs_item = pairs_item_data.to_dict()
                pairs.append(pairs_item)

        prefix_bands: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.prefix_bands, Unset):
            prefix_bands = []
            for prefix_bands_item_data in self.prefix_bands:
                prefix_bands_item = prefix_bands_item_data.to_dict()
                prefix_bands.append(prefix_bands_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if pairs is not UNSET:
            field_dict["pairs"] = pairs
        if prefix_bands is not UNSET:
            field_dict["prefix_bands"] = prefix_bands

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.pair_in import PairIn
        from ..models.prefix_band_in import PrefixBandIn

        d = dict(src_dict)
        _pairs = d.pop("pairs", UNSET)
        pairs: list[PairIn] | Unset = UNSET
        if _pairs is not UNSET:
            pairs = []
            for pairs_item_data in _pairs:
                pairs_item = PairIn.from_dict(pairs_item_data)

                pairs.append(pairs_item)

        _prefix_bands = d.pop("prefix_bands", UNSET)
        prefix_bands: list[PrefixBandIn] | Unset = UNSET
        if _prefix_bands is not UNSET:
            prefix_bands = []
            for prefix_bands_item_data in _prefix_bands:
                prefix_bands_item = PrefixBandIn.from_dict(prefix_bands_item_data)

                prefix_bands.append(prefix_bands_item)

        delivery_bands_in = cls(
            pairs=pairs,
            prefix_bands=prefix_bands,
        )

        return delivery_bands_in
