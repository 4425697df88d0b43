from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

from ..models.care_plan_in_level import CarePlanInLevel

T = TypeVar("T", bound="CarePlanIn")


@_attrs_define
class CarePlanIn:
    """
    Attributes:
        customer_id (UUID):
        customer_name (str):
        level (CarePlanInLevel): senior staff visit every six months, ordinary staff every month
        staff (str):
        first_visit_on (datetime.date):
    """

    customer_id: UUID
    customer_name: str
    level: CarePlanInLevel
    staff: str
    first_visit_on: datetime.date

    def to_dict(self) -> dict[str, Any]:
        customer_id = str(self.customer_id)

        customer_name = self.customer_name

        level = self.level.value

        staff = self.staff

        first_visit_on = self.first_visit_on.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "customer_id": customer_id,
                "customer_name": customer_name,
                "level": level,
                "staff": staff,
                "first_visit_on": first_visit_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        customer_id = UUID(d.pop("customer_id"))

        customer_name = d.pop("customer_name")

        level = CarePlanInLevel(d.pop("level"))

        staff = d.pop("staff")

        first_visit_on = datetime.date.fromisoformat(d.pop("first_visit_on"))

        care_plan_in = cls(
            customer_id=customer_id,
            customer_name=customer_name,
            level=level,
            staff=staff,
            first_visit_on=first_visit_on,
        )

        return care_plan_in
