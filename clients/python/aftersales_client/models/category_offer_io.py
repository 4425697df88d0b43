from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.category_offer_io_kinds_item import CategoryOfferIOKindsItem
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.category_offer_io_complete_within_hours import (
        CategoryOfferIOCompleteWithinHours,
    )
    from ..models.category_offer_io_respond_within_hours import (
        CategoryOfferIORespondWithinHours,
    )


T = TypeVar("T", bound="CategoryOfferIO")


@_attrs_define
class CategoryOfferIO:
    """
    Attributes:
        category (str):
        kinds (list[CategoryOfferIOKindsItem]): request kinds offered for this category
        respond_within_hours (CategoryOfferIORespondWithinHours | Unset): per-kind response SLA; others use the default
        complete_within_hours (CategoryOfferIOCompleteWithinHours | Unset): per-kind hours to finish (e.g. training
            744); others use the default
    """

    category: str
    kinds: list[CategoryOfferIOKindsItem]
    respond_within_hours: CategoryOfferIORespondWithinHours | Unset = UNSET
    complete_within_hours: CategoryOfferIOCompleteWithinHours | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        category = self.category

        kinds = []
        for kinds_item_data in self.kinds:
            kinds_item = kinds_item_data.value
            kinds.append(kinds_item)

        respond_within_hours: dict[str, Any] | Unset = UNSET
        if not isinstance(self.respond_within_hours, Unset):
            respond_within_hours = self.respond_within_hours.to_dict()

        complete_within_hours: dict[str, Any] | Unset = UNSET
        if not isinstance(self.complete_within_hours, Unset):
            complete_within_hours = self.complete_within_hours.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "category": category,
                "kinds": kinds,
            }
        )
        if respond_within_hours is not UNSET:
            field_dict["respond_within_hours"] = respond_within_hours
        if complete_within_hours is not UNSET:
            field_dict["complete_within_hours"] = complete_within_hours

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.category_offer_io_complete_within_hours import (
            CategoryOfferIOCompleteWithinHours,
        )
        from ..models.category_offer_io_respond_within_hours import (
            CategoryOfferIORespondWithinHours,
        )

        d = dict(src_dict)
        category = d.pop("category")

        kinds = []
        _kinds = d.pop("kinds")
        for kinds_item_data in _kinds:
            kinds_item = CategoryOfferIOKindsItem(kinds_item_data)

            kinds.append(kinds_item)

        _respond_within_hours = d.pop("respond_within_hours", UNSET)
        respond_within_hours: CategoryOfferIORespondWithinHours | Unset
        if isinstance(_respond_within_hours, Unset):
            respond_within_hours = UNSET
        else:
            respond_within_hours = CategoryOfferIORespondWithinHours.from_dict(
                _respond_within_hours
            )

        _complete_within_hours = d.pop("complete_within_hours", UNSET)
        complete_within_hours: CategoryOfferIOCompleteWithinHours | Unset
        if isinstance(_complete_within_hours, Unset):
            complete_within_hours = UNSET
        else:
            complete_within_hours = CategoryOfferIOCompleteWithinHours.from_dict(
                _complete_within_hours
            )

        category_offer_io = cls(
            category=category,
            kinds=kinds,
            respond_within_hours=respond_within_hours,
            complete_within_hours=complete_within_hours,
        )

        return category_offer_io
