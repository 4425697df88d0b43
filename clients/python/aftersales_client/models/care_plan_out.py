from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.care_plan_out_purpose import CarePlanOutPurpose
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.care_visit_out import CareVisitOut


T = TypeVar("T", bound="CarePlanOut")


@_attrs_define
class CarePlanOut:
    """
    Attributes:
        id (UUID):
        customer_id (UUID):
        customer_name (str):
        level (str):
        purpose (CarePlanOutPurpose): care (a key customer's planned visits) or usage_tracking (a direct customer's,
            made when feedback first learns the customer is direct)
        cadence_months (int):
        staff (str):
        next_due_on (datetime.date):
        due (bool):
        late (bool): its next visit's day has passed (feedback.visit.overdue.v1 is published once for it)
        version (int):
        visits (list[CareVisitOut] | Unset):
    """

    id: UUID
    customer_id: UUID
    customer_name: str
    level: str
    purpose: CarePlanOutPurpose
    cadence_months: int
    staff: str
    next_due_on: datetime.date
    due: bool
    late: bool
    version: int
    visits: list[CareVisitOut] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        customer_id = str(self.customer_id)

        customer_name = self.customer_name

        level = self.level

        purpose = self.purpose.value

        cadence_months = self.cadence_months

        staff = self.staff

        next_due_on = self.next_due_on.isoformat()

        due = self.due

        late = self.late

        version = self.version

        visits: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.visits, Unset):
            visits = []
            for visits_item_data in self.visits:
                visits_item = visits_item_data.to_dict()
                visits.append(visits_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "customer_id": customer_id,
                "customer_name": customer_name,
                "level": level,
                "purpose": purpose,
                "cadence_months": cadence_months,
                "staff": staff,
                "next_due_on": next_due_on,
                "due": due,
                "late": late,
                "version": version,
            }
        )
        if visits is not UNSET:
            field_dict["visits"] = visits

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.care_visit_out import CareVisitOut

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        customer_id = UUID(d.pop("customer_id"))

        customer_name = d.pop("customer_name")

        level = d.pop("level")

        purpose = CarePlanOutPurpose(d.pop("purpose"))

        cadence_months = d.pop("cadence_months")

        staff = d.pop("staff")

        next_due_on = datetime.date.fromisoformat(d.pop("next_due_on"))

        due = d.pop("due")

        late = d.pop("late")

        version = d.pop("version")

        _visits = d.pop("visits", UNSET)
        visits: list[CareVisitOut] | Unset = UNSET
        if _visits is not UNSET:
            visits = []
            for visits_item_data in _visits:
                visits_item = CareVisitOut.from_dict(visits_item_data)

                visits.append(visits_item)

        care_plan_out = cls(
            id=id,
            customer_id=customer_id,
            customer_name=customer_name,
            level=level,
            purpose=purpose,
            cadence_months=cadence_months,
            staff=staff,
            next_due_on=next_due_on,
            due=due,
            late=late,
            version=version,
            visits=visits,
        )

        care_plan_out.additional_properties = d
        return care_plan_out

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
