from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.price_list_in_callout_fees import PriceListInCalloutFees
    from ..models.price_list_in_labour_per_hour import PriceListInLabourPerHour
    from ..models.price_list_in_parts import PriceListInParts
    from ..models.price_list_in_replacement_values import PriceListInReplacementValues
    from ..models.travel_band_in import TravelBandIn


T = TypeVar("T", bound="PriceListIn")


@_attrs_define
class PriceListIn:
    """
    Attributes:
        labour_per_hour (PriceListInLabourPerHour):
        travel_bands (list[TravelBandIn]):
        currency (str | Unset):  Default: 'CNY'.
        effective_from (datetime.datetime | None | Unset): when the list takes effect; now if left out (never the past)
        labour_unit_minutes (int | Unset): labour is billed in started units of this length Default: 15.
        parts (PriceListInParts | Unset):
        callout_fees (PriceListInCalloutFees | Unset):
        replacement_values (PriceListInReplacementValues | Unset): what a 三包 replacement costs the company, by category
    """

    labour_per_hour: PriceListInLabourPerHour
    travel_bands: list[TravelBandIn]
    currency: str | Unset = "CNY"
    effective_from: datetime.datetime | None | Unset = UNSET
    labour_unit_minutes: int | Unset = 15
    parts: PriceListInParts | Unset = UNSET
    callout_fees: PriceListInCalloutFees | Unset = UNSET
    replacement_values: PriceListInReplacementValues | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        labour_per_hour = self.labour_per_hour.to_dict()

        travel_bands = []
        for travel_bands_item_data in self.travel_bands:
            travel_bands_item = travel_bands_item_data.to_dict()
            travel_bands.append(travel_bands_item)

        currency = self.currency

        effective_from: None | str | Unset
        if isinstance(self.effective_from, Unset):
            effective_from = UNSET
        elif isinstance(self.effective_from, datetime.datetime):
            effective_from = self.effective_from.isoformat()
        else:
            effective_from = self.effective_from

        labour_unit_minutes = self.labour_unit_minutes

        parts: dict[str, Any] | Unset = UNSET
        if not isinstance(self.parts, Unset):
            parts = self.parts.to_dict()

        callout_fees: dict[str, Any] | Unset = UNSET
        if not isinstance(self.callout_fees, Unset):
            callout_fees = self.callout_fees.to_dict()

        replacement_values: dict[str, Any] | Unset = UNSET
        if not isinstance(self.replacement_values, Unset):
            replacement_values = self.replacement_values.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "labour_per_hour": labour_per_hour,
                "travel_bands": travel_bands,
            }
        )
        if currency is not UNSET:
            field_dict["currency"] = currency
        if effective_from is not UNSET:
            field_dict["effective_from"] = effective_from
        if labour_unit_minutes is not UNSET:
            field_dict["labour_unit_minutes"] = labour_unit_minutes
        if parts is not UNSET:
            field_dict["parts"] = parts
        if callout_fees is not UNSET:
            field_dict["callout_fees"] = callout_fees
        if replacement_values is not UNSET:
            field_dict["replacement_values"] = replacement_values

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.price_list_in_callout_fees import PriceListInCalloutFees
        from ..models.price_list_in_labour_per_hour import PriceListInLabourPerHour
        from ..models.price_list_in_parts import PriceListInParts
        from ..models.price_list_in_replacement_values import (
            PriceListInReplacementValues,
        )
        from ..models.travel_band_in import TravelBandIn

        d = dict(src_dict)
        labour_per_hour = PriceListInLabourPerHour.from_dict(d.pop("labour_per_hour"))

        travel_bands = []
        _travel_bands = d.pop("travel_bands")
        for travel_bands_item_data in _travel_bands:
            travel_bands_item = TravelBandIn.from_dict(travel_bands_item_data)

            travel_bands.append(travel_bands_item)

        currency = d.pop("currency", UNSET)

        def _parse_effective_from(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                effective_from_type_0 = datetime.datetime.fromisoformat(data)

                return effective_from_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        effective_from = _parse_effective_from(d.pop("effective_from", UNSET))

        labour_unit_minutes = d.pop("labour_unit_minutes", UNSET)

        _parts = d.pop("parts", UNSET)
        parts: PriceListInParts | Unset
        if isinstance(_parts, Unset):
            parts = UNSET
        else:
            parts = PriceListInParts.from_dict(_parts)

        _callout_fees = d.pop("callout_fees", UNSET)
        callout_fees: PriceListInCalloutFees | Unset
        if isinstance(_callout_fees, Unset):
            callout_fees = UNSET
        else:
            callout_fees = PriceListInCalloutFees.from_dict(_callout_fees)

        _replacement_values = d.pop("replacement_values", UNSET)
        replacement_values: PriceListInReplacementValues | Unset
        if isinstance(_replacement_values, Unset):
            replacement_values = UNSET
        else:
            replacement_values = PriceListInReplacementValues.from_dict(
                _replacement_values
            )

        price_list_in = cls(
            labour_per_hour=labour_per_hour,
            travel_bands=travel_bands,
            currency=currency,
            effective_from=effective_from,
            labour_unit_minutes=labour_unit_minutes,
            parts=parts,
            callout_fees=callout_fees,
            replacement_values=replacement_values,
        )

        return price_list_in
