from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.price_list_out_callout_fees import PriceListOutCalloutFees
    from ..models.price_list_out_labour_per_hour import PriceListOutLabourPerHour
    from ..models.price_list_out_parts import PriceListOutParts
    from ..models.price_list_out_replacement_values import PriceListOutReplacementValues
    from ..models.price_list_out_travel_bands_item import PriceListOutTravelBandsItem


T = TypeVar("T", bound="PriceListOut")


@_attrs_define
class PriceListOut:
    """
    Attributes:
        version (int):
        effective_from (datetime.datetime):
        currency (str):
        labour_per_hour (PriceListOutLabourPerHour):
        labour_unit_minutes (int):
        parts (PriceListOutParts):
        travel_bands (list[PriceListOutTravelBandsItem]):
        callout_fees (PriceListOutCalloutFees):
        replacement_values (PriceListOutReplacementValues):
        created_by (str):
        created_at (datetime.datetime):
    """

    version: int
    effective_from: datetime.datetime
    currency: str
    labour_per_hour: PriceListOutLabourPerHour
    labour_unit_minutes: int
    parts: PriceListOutParts
    travel_bands: list[PriceListOutTravelBandsItem]
    callout_fees: PriceListOutCalloutFees
    replacement_values: PriceListOutReplacementValues
    created_by: str
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        version = self.version

        effective_from = self.effective_from.isoformat()

        currency = self.currency

        labour_per_hour = self.labour_per_hour.to_dict()

        labour_unit_minutes = self.labour_unit_minutes

        parts = self.parts.to_dict()

        travel_bands = []
        for travel_bands_item_data in self.travel_bands:
            travel_bands_item = travel_bands_item_data.to_dict()
            travel_bands.append(travel_bands_item)

        callout_fees = self.callout_fees.to_dict()

        replacement_values = self.replacement_values.to_dict()

        created_by = self.created_by

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "version": version,
                "effective_from": effective_from,
                "currency": currency,
                "labour_per_hour": labour_per_hour,
                "labour_unit_minutes": labour_unit_minutes,
                "parts": parts,
                "travel_bands": travel_bands,
                "callout_fees": callout_fees,
                "replacement_values": replacement_values,
                "created_by": created_by,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.price_list_out_callout_fees import PriceListOutCalloutFees
        from ..models.price_list_out_labour_per_hour import PriceListOutLabourPerHour
        from ..models.price_list_out_parts import PriceListOutParts
        from ..models.price_list_out_replacement_values import (
            PriceListOutReplacementValues,
        )
        from ..models.price_list_out_travel_bands_item import (
            PriceListOutTravelBandsItem,
        )

        d = dict(src_dict)
        version = d.pop("version")

        effective_from = datetime.datetime.fromisoformat(d.pop("effective_from"))

        currency = d.pop("currency")

        labour_per_hour = PriceListOutLabourPerHour.from_dict(d.pop("labour_per_hour"))

        labour_unit_minutes = d.pop("labour_unit_minutes")

        parts = PriceListOutParts.from_dict(d.pop("parts"))

        travel_bands = []
        _travel_bands = d.pop("travel_bands")
        for travel_bands_item_data in _travel_bands:
            travel_bands_item = PriceListOutTravelBandsItem.from_dict(
                travel_bands_item_data
            )

            travel_bands.append(travel_bands_item)

        callout_fees = PriceListOutCalloutFees.from_dict(d.pop("callout_fees"))

        replacement_values = PriceListOutReplacementValues.from_dict(
            d.pop("replacement_values")
        )

        created_by = d.pop("created_by")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        price_list_out = cls(
            version=version,
            effective_from=effective_from,
            currency=currency,
            labour_per_hour=labour_per_hour,
            labour_unit_minutes=labour_unit_minutes,
            parts=parts,
            travel_bands=travel_bands,
            callout_fees=callout_fees,
            replacement_values=replacement_values,
            created_by=created_by,
            created_at=created_at,
        )

        price_list_out.additional_properties = d
        return price_list_out

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
