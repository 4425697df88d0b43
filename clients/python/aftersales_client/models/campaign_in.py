from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.campaign_in_covers_item import CampaignInCoversItem
from ..models.campaign_in_kinds_item import CampaignInKindsItem
from ..types import UNSET, Unset

T = TypeVar("T", bound="CampaignIn")


@_attrs_define
class CampaignIn:
    """
    Attributes:
        name (str):
        categories (list[str]):
        regions (list[str]):
        kinds (list[CampaignInKindsItem]):
        from_ (datetime.date):
        to (datetime.date):
        covers (list[CampaignInCoversItem] | Unset):
    """

    name: str
    categories: list[str]
    regions: list[str]
    kinds: list[CampaignInKindsItem]
    from_: datetime.date
    to: datetime.date
    covers: list[CampaignInCoversItem] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        categories = self.categories

        regions = self.regions

        kinds = []
        for kinds_item_data in self.kinds:
            kinds_item = kinds_item_data.value
            kinds.append(kinds_item)

        from_ = self.from_.isoformat()

        to = self.to.isoformat()

        covers: list[str] | Unset = UNSET
        if not isinstance(self.covers, Unset):
            covers = []
            for covers_item_data in self.covers:
                covers_item = covers_item_data.value
                covers.append(covers_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "categories": categories,
                "regions": regions,
                "kinds": kinds,
                "from": from_,
                "to": to,
            }
        )
        if covers is not UNSET:
            field_dict["covers"] = covers

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name")

        categories = cast(list[str], d.pop("categories"))

        regions = cast(list[str], d.pop("regions"))

        kinds = []
        _kinds = d.pop("kinds")
        for kinds_item_data in _kinds:
            kinds_item = CampaignInKindsItem(kinds_item_data)

            kinds.append(kinds_item)

        from_ = datetime.date.fromisoformat(d.pop("from"))

        to = datetime.date.fromisoformat(d.pop("to"))

        _covers = d.pop("covers", UNSET)
        covers: list[CampaignInCoversItem] | Unset = UNSET
        if _covers is not UNSET:
            covers = []
            for covers_item_data in _covers:
                covers_item = CampaignInCoversItem(covers_item_data)

                covers.append(covers_item)

        campaign_in = cls(
            name=name,
            categories=categories,
            regions=regions,
            kinds=kinds,
            from_=from_,
            to=to,
            covers=covers,
        )

        return campaign_in
