from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.job_out import JobOut
    from ..models.previous_visit import PreviousVisit
    from ..models.repair_card_out import RepairCardOut


T = TypeVar("T", bound="MyJobOut")


@_attrs_define
class MyJobOut:
    """
    Attributes:
        job (JobOut):
        previous_visits (list[PreviousVisit]):
        repair_card (None | RepairCardOut):
    """

    job: JobOut
    previous_visits: list[PreviousVisit]
    repair_card: None | RepairCardOut
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.repair_card_out import RepairCardOut

        job = self.job.to_dict()

        previous_visits = []
        for previous_visits_item_data in self.previous_visits:
            previous_visits_item = previous_visits_item_data.to_dict()
            previous_visits.append(previous_visits_item)

        repair_card: dict[str, Any] | None
        if isinstance(self.repair_card, RepairCardOut):
            repair_card = self.repair_card.to_dict()
        else:
            repair_card = self.repair_card

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "job": job,
                "previous_visits": previous_visits,
                "repair_card": repair_card,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.job_out import JobOut
        from ..models.previous_visit import PreviousVisit
        from ..models.repair_card_out import RepairCardOut

        d = dict(src_dict)
        job = JobOut.from_dict(d.pop("job"))

        previous_visits = []
        _previous_visits = d.pop("previous_visits")
        for previous_visits_item_data in _previous_visits:
            previous_visits_item = PreviousVisit.from_dict(previous_visits_item_data)

            previous_visits.append(previous_visits_item)

        def _parse_repair_card(data: object) -> None | RepairCardOut:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                repair_card_type_0 = RepairCardOut.from_dict(data)

                return repair_card_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RepairCardOut, data)

        repair_card = _parse_repair_card(d.pop("repair_card"))

        my_job_out = cls(
            job=job,
            previous_visits=previous_visits,
            repair_card=repair_card,
        )

        my_job_out.additional_properties = d
        return my_job_out

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
