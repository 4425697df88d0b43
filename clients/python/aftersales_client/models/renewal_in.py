from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.renewal_in_schedule_type_0 import RenewalInScheduleType0
from ..types import UNSET, Unset

T = TypeVar("T", bound="RenewalIn")


@_attrs_define
class RenewalIn:
    """
    Attributes:
        contract_no (str): the renewal's own number
        ends_on (datetime.date | None | Unset): the renewal's last day; by default a term as long as the old
        fee (int | None | Unset):
        schedule (None | RenewalInScheduleType0 | Unset):
        visits_included (int | None | Unset):
        maintenance_visits_per_year (int | None | Unset):
    """

    contract_no: str
    ends_on: datetime.date | None | Unset = UNSET
    fee: int | None | Unset = UNSET
    schedule: None | RenewalInScheduleType0 | Unset = UNSET
    visits_included: int | None | Unset = UNSET
    maintenance_visits_per_year: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        contract_no = self.contract_no

        ends_on: None | str | Unset
        if isinstance(self.ends_on, Unset):
            ends_on = UNSET
        elif isinstance(self.ends_on, datetime.date):
            ends_on = self.ends_on.isoformat()
        else:
            ends_on = self.ends_on

        fee: int | None | Unset
        if isinstance(self.fee, Unset):
            fee = UNSET
        else:
            fee = self.fee

        schedule: None | str | Unset
        if isinstance(self.schedule, Unset):
            schedule = UNSET
        elif isinstance(self.schedule, RenewalInScheduleType0):
            schedule = self.schedule.value
        else:
            schedule = self.schedule

        visits_included: int | None | Unset
        if isinstance(self.visits_included, Unset):
            visits_included = UNSET
        else:
            visits_included = self.visits_included

        maintenance_visits_per_year: int | None | Unset
        if isinstance(self.maintenance_visits_per_year, Unset):
            maintenance_visits_per_year = UNSET
        else:
            maintenance_visits_per_year = self.maintenance_visits_per_year

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "contract_no": contract_no,
            }
        )
        if ends_on is not UNSET:
            field_dict["ends_on"] = ends_on
        if fee is not UNSET:
            field_dict["fee"] = fee
        if schedule is not UNSET:
            field_dict["schedule"] = schedule
        if visits_included is not UNSET:
            field_dict["visits_included"] = visits_included
        if maintenance_visits_per_year is not UNSET:
            field_dict["maintenance_visits_per_year"] = maintenance_visits_per_year

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        contract_no = d.pop("contract_no")

        def _parse_ends_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ends_on_type_0 = datetime.date.fromisoformat(data)

                return ends_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        ends_on = _parse_ends_on(d.pop("ends_on", UNSET))

        def _parse_fee(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        fee = _parse_fee(d.pop("fee", UNSET))

        def _parse_schedule(data: object) -> None | RenewalInScheduleType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                schedule_type_0 = RenewalInScheduleType0(data)

                return schedule_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RenewalInScheduleType0 | Unset, data)

        schedule = _parse_schedule(d.pop("schedule", UNSET))

        def _parse_visits_included(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        visits_included = _parse_visits_included(d.pop("visits_included", UNSET))

        def _parse_maintenance_visits_per_year(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        maintenance_visits_per_year = _parse_maintenance_visits_per_year(
            d.pop("maintenance_visits_per_year", UNSET)
        )

        renewal_in = cls(
            contract_no=contract_no,
            ends_on=ends_on,
            fee=fee,
            schedule=schedule,
            visits_included=visits_included,
            maintenance_visits_per_year=maintenance_visits_per_year,
        )

        return renewal_in
