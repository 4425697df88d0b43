from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.billing_money import BillingMoney


T = TypeVar("T", bound="RemedyOut")


@_attrs_define
class RemedyOut:
    """
    Attributes:
        ticket_id (UUID):
        remedy (str):
        reason (str):
        customer_credit (BillingMoney):
        company_cost (BillingMoney):
        note (None | str):
        decided_at (datetime.datetime):
    """

    ticket_id: UUID
    remedy: str
    reason: str
    customer_credit: BillingMoney
    company_cost: BillingMoney
    note: None | str
    decided_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        ticket_id = str(self.ticket_id)

        remedy = self.remedy

        reason = self.reason

        customer_credit = self.customer_credit.to_dict()

        company_cost = self.company_cost.to_dict()

        note: None | str
        note = self.note

        decided_at = self.decided_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "ticket_id": ticket_id,
                "remedy": remedy,
                "reason": reason,
                "customer_credit": customer_credit,
                "company_cost": company_cost,
                "note": note,
                "decided_at": decided_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.billing_money import BillingMoney

        d = dict(src_dict)
        ticket_id = UUID(d.pop("ticket_id"))

        remedy = d.pop("remedy")

        reason = d.pop("reason")

        customer_credit = BillingMoney.from_dict(d.pop("customer_credit"))

        company_cost = BillingMoney.from_dict(d.pop("company_cost"))

        def _parse_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        note = _parse_note(d.pop("note"))

        decided_at = datetime.datetime.fromisoformat(d.pop("decided_at"))

        remedy_out = cls(
            ticket_id=ticket_id,
            remedy=remedy,
            reason=reason,
            customer_credit=customer_credit,
            company_cost=company_cost,
            note=note,
            decided_at=decided_at,
        )

        remedy_out.additional_properties = d
        return remedy_out

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
