from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.billing_money import BillingMoney


T = TypeVar("T", bound="CashHandoverOut")


@_attrs_define
class CashHandoverOut:
    """
    Attributes:
        id (UUID):
        technician_id (UUID):
        point_id (None | UUID):
        amount (BillingMoney):
        payments (int):
        received_by (str):
        handed_at (datetime.datetime):
    """

    id: UUID
    technician_id: UUID
    point_id: None | UUID
    amount: BillingMoney
    payments: int
    received_by: str
    handed_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        technician_id = str(self.technician_id)

        point_id: None | str
        if isinstance(self.point_id, UUID):
            point_id = str(self.point_id)
        else:
            point_id = self.point_id

        amount = self.amount.to_dict()

        payments = self.payments

        received_by = self.received_by

        handed_at = self.handed_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "technician_id": technician_id,
                "point_id": point_id,
                "amount": amount,
                "payments": payments,
                "received_by": received_by,
                "handed_at": handed_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.billing_money import BillingMoney

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        technician_id = UUID(d.pop("technician_id"))

        def _parse_point_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                point_id_type_0 = UUID(data)

                return point_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        point_id = _parse_point_id(d.pop("point_id"))

        amount = BillingMoney.from_dict(d.pop("amount"))

        payments = d.pop("payments")

        received_by = d.pop("received_by")

        handed_at = datetime.datetime.fromisoformat(d.pop("handed_at"))

        cash_handover_out = cls(
            id=id,
            technician_id=technician_id,
            point_id=point_id,
            amount=amount,
            payments=payments,
            received_by=received_by,
            handed_at=handed_at,
        )

        cash_handover_out.additional_properties = d
        return cash_handover_out

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
