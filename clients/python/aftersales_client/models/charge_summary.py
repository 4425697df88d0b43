from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.intake_money import IntakeMoney


T = TypeVar("T", bound="ChargeSummary")


@_attrs_define
class ChargeSummary:
    """
    Attributes:
        id (UUID):
        service_class (None | str):
        total (IntakeMoney | None):
        status (None | str):
    """

    id: UUID
    service_class: None | str
    total: IntakeMoney | None
    status: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.intake_money import IntakeMoney

        id = str(self.id)

        service_class: None | str
        service_class = self.service_class

        total: dict[str, Any] | None
        if isinstance(self.total, IntakeMoney):
            total = self.total.to_dict()
        else:
            total = self.total

        status: None | str
        status = self.status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "service_class": service_class,
                "total": total,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.intake_money import IntakeMoney

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        def _parse_service_class(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        service_class = _parse_service_class(d.pop("service_class"))

        def _parse_total(data: object) -> IntakeMoney | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                total_type_0 = IntakeMoney.from_dict(data)

                return total_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(IntakeMoney | None, data)

        total = _parse_total(d.pop("total"))

        def _parse_status(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        status = _parse_status(d.pop("status"))

        charge_summary = cls(
            id=id,
            service_class=service_class,
            total=total,
            status=status,
        )

        charge_summary.additional_properties = d
        return charge_summary

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
