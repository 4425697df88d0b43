from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.billing_delivery_out_waived_type_0 import (
        BillingDeliveryOutWaivedType0,
    )
    from ..models.billing_money import BillingMoney


T = TypeVar("T", bound="BillingDeliveryOut")


@_attrs_define
class BillingDeliveryOut:
    """
    Attributes:
        promised_by (datetime.date):
        delivered_on (datetime.date):
        days_late (int):
        per_day (BillingMoney):
        compensation (BillingMoney):
        capped (bool):
        credit_note_number (None | str):
        waived (BillingDeliveryOutWaivedType0 | None):
    """

    promised_by: datetime.date
    delivered_on: datetime.date
    days_late: int
    per_day: BillingMoney
    compensation: BillingMoney
    capped: bool
    credit_note_number: None | str
    waived: BillingDeliveryOutWaivedType0 | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.billing_delivery_out_waived_type_0 import (
            BillingDeliveryOutWaivedType0,
        )

        promised_by = self.promised_by.isoformat()

        delivered_on = self.delivered_on.isoformat()

        days_late = self.days_late

        per_day = self.per_day.to_dict()

        compensation = self.compensation.to_dict()

        capped = self.capped

        credit_note_number: None | str
        credit_note_number = self.credit_note_number

        waived: dict[str, Any] | None
        if isinstance(self.waived, BillingDeliveryOutWaivedType0):
            waived = self.waived.to_dict()
        else:
            waived = self.waived

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "promised_by": promised_by,
                "delivered_on": delivered_on,
                "days_late": days_late,
                "per_day": per_day,
                "compensation": compensation,
                "capped": capped,
                "credit_note_number": credit_note_number,
                "waived": waived,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.billing_delivery_out_waived_type_0 import (
            BillingDeliveryOutWaivedType0,
        )
        from ..models.billing_money import BillingMoney

        d = dict(src_dict)
        promised_by = datetime.date.fromisoformat(d.pop("promised_by"))

        delivered_on = datetime.date.fromisoformat(d.pop("delivered_on"))

        days_late = d.pop("days_late")

        per_day = BillingMoney.from_dict(d.pop("per_day"))

        compensation = BillingMoney.from_dict(d.pop("compensation"))

        capped = d.pop("capped")

        def _parse_credit_note_number(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        credit_note_number = _parse_credit_note_number(d.pop("credit_note_number"))

        def _parse_waived(data: object) -> BillingDeliveryOutWaivedType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                waived_type_0 = BillingDeliveryOutWaivedType0.from_dict(data)

                return waived_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BillingDeliveryOutWaivedType0 | None, data)

        waived = _parse_waived(d.pop("waived"))

        billing_delivery_out = cls(
            promised_by=promised_by,
            delivered_on=delivered_on,
            days_late=days_late,
            per_day=per_day,
            compensation=compensation,
            capped=capped,
            credit_note_number=credit_note_number,
            waived=waived,
        )

        billing_delivery_out.additional_properties = d
        return billing_delivery_out

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
