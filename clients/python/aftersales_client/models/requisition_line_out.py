from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="RequisitionLineOut")


@_attrs_define
class RequisitionLineOut:
    """
    Attributes:
        sku (str):
        requested (int):
        approved (int | None | Unset):
        shipped (int | None | Unset):
        received (int | None | Unset):
    """

    sku: str
    requested: int
    approved: int | None | Unset = UNSET
    shipped: int | None | Unset = UNSET
    received: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        sku = self.sku

        requested = self.requested

        approved: int | None | Unset
        if isinstance(self.approved, Unset):
            approved = UNSET
        else:
            approved = self.approved

        shipped: int | None | Unset
        if isinstance(self.shipped, Unset):
            shipped = UNSET
        else:
            shipped = self.shipped

        received: int | None | Unset
        if isinstance(self.received, Unset):
            received = UNSET
        else:
            received = self.received

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "sku": sku,
                "requested": requested,
            }
        )
        if approved is not UNSET:
            field_dict["approved"] = approved
        if shipped is not UNSET:
            field_dict["shipped"] = shipped
        if received is not UNSET:
            field_dict["received"] = received

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        sku = d.pop("sku")

        requested = d.pop("requested")

        def _parse_approved(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        approved = _parse_approved(d.pop("approved", UNSET))

        def _parse_shipped(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        shipped = _parse_shipped(d.pop("shipped", UNSET))

        def _parse_received(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        received = _parse_received(d.pop("received", UNSET))

        requisition_line_out = cls(
            sku=sku,
            requested=requested,
            approved=approved,
            shipped=shipped,
            received=received,
        )

        requisition_line_out.additional_properties = d
        return requisition_line_out

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
