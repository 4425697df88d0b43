from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.history_entry import HistoryEntry
    from ..models.offer_out import OfferOut


T = TypeVar("T", bound="JobHistory")


@_attrs_define
class JobHistory:
    """
    Attributes:
        job_id (UUID):
        offers (list[OfferOut]):
        entries (list[HistoryEntry]):
    """

    job_id: UUID
    offers: list[OfferOut]
    entries: list[HistoryEntry]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        job_id = str(self.job_id)

        offers = []
        for offers_item_data in self.offers:
            offers_item = offers_item_data.to_dict()
            offers.append(offers_item)

        entries = []
        for entries_item_data in self.entries:
            entries_item = entries_item_data.to_dict()
            entries.append(entries_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "job_id": job_id,
                "offers": offers,
                "entries": entries,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.history_entry import HistoryEntry
        from ..models.offer_out import OfferOut

        d = dict(src_dict)
        job_id = UUID(d.pop("job_id"))

        offers = []
        _offers = d.pop("offers")
        for offers_item_data in _offers:
            offers_item = OfferOut.from_dict(offers_item_data)

            offers.append(offers_item)

        entries = []
        _entries = d.pop("entries")
        for entries_item_data in _entries:
            entries_item = HistoryEntry.from_dict(entries_item_data)

            entries.append(entries_item)

        job_history = cls(
            job_id=job_id,
            offers=offers,
            entries=entries,
        )

        job_history.additional_properties = d
        return job_history

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
