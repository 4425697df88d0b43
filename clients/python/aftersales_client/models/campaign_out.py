from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CampaignOut")


@_attrs_define
class CampaignOut:
    """
    Attributes:
        id (UUID):
        name (str):
        categories (list[str]):
        regions (list[str]):
        kinds (list[str]):
        from_ (datetime.date):
        to (datetime.date):
        covers (list[str]):
        created_by (str):
        created_at (datetime.datetime):
    """

    id: UUID
    name: str
    categories: list[str]
    regions: list[str]
    kinds: list[str]
    from_: datetime.date
    to: datetime.date
    covers: list[str]
    created_by: str
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        name = self.name

        categories = self.categories

        regions = self.regions

        kinds = self.kinds

        from_ = self.from_.isoformat()

        to = self.to.isoformat()

        covers = self.covers

        created_by = self.created_by

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "categories": categories,
                "regions": regions,
                "kinds": kinds,
                "from": from_,
                "to": to,
                "covers": covers,
                "created_by": created_by,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        name = d.pop("name")

        categories = cast(list[str], d.pop("categories"))

        regions = cast(list[str], d.pop("regions"))

        kinds = cast(list[str], d.pop("kinds"))

        from_ = datetime.date.fromisoformat(d.pop("from"))

        to = datetime.date.fromisoformat(d.pop("to"))

        covers = cast(list[str], d.pop("covers"))

        created_by = d.pop("created_by")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        campaign_out = cls(
            id=id,
            name=name,
            categories=categories,
            regions=regions,
            kinds=kinds,
            from_=from_,
            to=to,
            covers=covers,
            created_by=created_by,
            created_at=created_at,
        )

        campaign_out.additional_properties = d
        return campaign_out

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
