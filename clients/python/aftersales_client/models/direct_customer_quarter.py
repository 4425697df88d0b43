from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.direct_customer_quarter_by_kind import DirectCustomerQuarterByKind
    from ..models.guidance_out import GuidanceOut


T = TypeVar("T", bound="DirectCustomerQuarter")


@_attrs_define
class DirectCustomerQuarter:
    """
    Attributes:
        customer_id (UUID):
        name (str):
        tenant_id (None | str):
        tickets (int): tickets opened in the quarter
        by_kind (DirectCustomerQuarterByKind):
        visits_requested (int): the quarter's tickets that need a visit
        visits_done (int): visits (jobs) completed in the quarter
        guidance (list[GuidanceOut]): usage_guidance tickets opened in it
        guidance_in_time (int):
        guidance_late (int):
    """

    customer_id: UUID
    name: str
    tenant_id: None | str
    tickets: int
    by_kind: DirectCustomerQuarterByKind
    visits_requested: int
    visits_done: int
    guidance: list[GuidanceOut]
    guidance_in_time: int
    guidance_late: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        customer_id = str(self.customer_id)

        name = self.name

        tenant_id: None | str
        tenant_id = self.tenant_id

        tickets = self.tickets

        by_kind = self.by_kind.to_dict()

        visits_requested = self.visits_requested

        visits_done = self.visits_done

        guidance = []
        for guidance_item_data in self.guidance:
            guidance_item = guidance_item_data.to_dict()
            guidance.append(guidance_item)

        guidance_in_time = self.guidance_in_time

        guidance_late = self.guidance_late

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "customer_id": customer_id,
                "name": name,
                "tenant_id": tenant_id,
                "tickets": tickets,
                "by_kind": by_kind,
                "visits_requested": visits_requested,
                "visits_done": visits_done,
                "guidance": guidance,
                "guidance_in_time": guidance_in_time,
                "guidance_late": guidance_late,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.direct_customer_quarter_by_kind import DirectCustomerQuarterByKind
        from ..models.guidance_out import GuidanceOut

        d = dict(src_dict)
        customer_id = UUID(d.pop("customer_id"))

        name = d.pop("name")

        def _parse_tenant_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        tenant_id = _parse_tenant_id(d.pop("tenant_id"))

        tickets = d.pop("tickets")

        by_kind = DirectCustomerQuarterByKind.from_dict(d.pop("by_kind"))

        visits_requested = d.pop("visits_requested")

        visits_done = d.pop("visits_done")

        guidance = []
        _guidance = d.pop("guidance")
        for guidance_item_data in _guidance:
            guidance_item = GuidanceOut.from_dict(guidance_item_data)

            guidance.append(guidance_item)

        guidance_in_time = d.pop("guidance_in_time")

        guidance_late = d.pop("guidance_late")

        direct_customer_quarter = cls(
            customer_id=customer_id,
            name=name,
            tenant_id=tenant_id,
            tickets=tickets,
            by_kind=by_kind,
            visits_requested=visits_requested,
            visits_done=visits_done,
            guidance=guidance,
            guidance_in_time=guidance_in_time,
            guidance_late=guidance_late,
        )

        direct_customer_quarter.additional_properties = d
        return direct_customer_quarter

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
