from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.billing_money import BillingMoney
    from ..models.late_out_delay_cause_type_0 import LateOutDelayCauseType0
    from ..models.late_out_waived_type_0 import LateOutWaivedType0


T = TypeVar("T", bound="LateOut")


@_attrs_define
class LateOut:
    """
    Attributes:
        minutes (int):
        compensation (BillingMoney):
        delay_cause (LateOutDelayCauseType0 | None):
        waived (LateOutWaivedType0 | None):
    """

    minutes: int
    compensation: BillingMoney
    delay_cause: LateOutDelayCauseType0 | None
    waived: LateOutWaivedType0 | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.late_out_delay_cause_type_0 import LateOutDelayCauseType0
        from ..models.late_out_waived_type_0 import LateOutWaivedType0

        minutes = self.minutes

        compensation = self.compensation.to_dict()

        delay_cause: dict[str, Any] | None
        if isinstance(self.delay_cause, LateOutDelayCauseType0):
            delay_cause = self.delay_cause.to_dict()
        else:
            delay_cause = self.delay_cause

        waived: dict[str, Any] | None
        if isinstance(self.waived, LateOutWaivedType0):
            waived = self.waived.to_dict()
        else:
            waived = self.waived

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "minutes": minutes,
                "compensation": compensation,
                "delay_cause": delay_cause,
                "waived": waived,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.billing_money import BillingMoney
        from ..models.late_out_delay_cause_type_0 import LateOutDelayCauseType0
        from ..models.late_out_waived_type_0 import LateOutWaivedType0

        d = dict(src_dict)
        minutes = d.pop("minutes")

        compensation = BillingMoney.from_dict(d.pop("compensation"))

        def _parse_delay_cause(data: object) -> LateOutDelayCauseType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                delay_cause_type_0 = LateOutDelayCauseType0.from_dict(data)

                return delay_cause_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LateOutDelayCauseType0 | None, data)

        delay_cause = _parse_delay_cause(d.pop("delay_cause"))

        def _parse_waived(data: object) -> LateOutWaivedType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                waived_type_0 = LateOutWaivedType0.from_dict(data)

                return waived_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LateOutWaivedType0 | None, data)

        waived = _parse_waived(d.pop("waived"))

        late_out = cls(
            minutes=minutes,
            compensation=compensation,
            delay_cause=delay_cause,
            waived=waived,
        )

        late_out.additional_properties = d
        return late_out

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
