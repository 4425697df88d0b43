from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.category_offer_io import CategoryOfferIO
    from ..models.service_catalogue_out_default_complete_within_hours import (
        ServiceCatalogueOutDefaultCompleteWithinHours,
    )
    from ..models.service_catalogue_out_default_respond_within_hours import (
        ServiceCatalogueOutDefaultRespondWithinHours,
    )


T = TypeVar("T", bound="ServiceCatalogueOut")


@_attrs_define
class ServiceCatalogueOut:
    """
    Attributes:
        categories (list[CategoryOfferIO]):
        revision (int):
        default_respond_within_hours (ServiceCatalogueOutDefaultRespondWithinHours): the response SLA of kinds that a
            category entry does not set
        default_complete_within_hours (ServiceCatalogueOutDefaultCompleteWithinHours): hours to finish, per kind, where
            a category entry does not set them
    """

    categories: list[CategoryOfferIO]
    revision: int
    default_respond_within_hours: ServiceCatalogueOutDefaultRespondWithinHours
    default_complete_within_hours: ServiceCatalogueOutDefaultCompleteWithinHours
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        categories = []
        for categories_item_data in self.categories:
            categories_item = categories_item_data.to_dict()
            categories.append(categories_item)

        revision = self.revision

        default_respond_within_hours = self.default_respond_within_hours.to_dict()

        default_complete_within_hours = self.default_complete_within_hours.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "categories": categories,
                "revision": revision,
                "default_respond_within_hours": default_respond_within_hours,
                "default_complete_within_hours": default_complete_within_hours,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.category_offer_io import CategoryOfferIO
        from ..models.service_catalogue_out_default_complete_within_hours import (
            ServiceCatalogueOutDefaultCompleteWithinHours,
        )
        from ..models.service_catalogue_out_default_respond_within_hours import (
            ServiceCatalogueOutDefaultRespondWithinHours,
        )

        d = dict(src_dict)
        categories = []
        _categories = d.pop("categories")
        for categories_item_data in _categories:
            categories_item = CategoryOfferIO.from_dict(categories_item_data)

            categories.append(categories_item)

        revision = d.pop("revision")

        default_respond_within_hours = (
            ServiceCatalogueOutDefaultRespondWithinHours.from_dict(
                d.pop("default_respond_within_hours")
            )
        )

        default_complete_within_hours = (
            ServiceCatalogueOutDefaultCompleteWithinHours.from_dict(
                d.pop("default_complete_within_hours")
            )
        )

        service_catalogue_out = cls(
            categories=categories,
            revision=revision,
            default_respond_within_hours=default_respond_within_hours,
            default_complete_within_hours=default_complete_within_hours,
        )

        service_catalogue_out.additional_properties = d
        return service_catalogue_out

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
