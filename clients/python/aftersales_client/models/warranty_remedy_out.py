from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.product_out import ProductOut
    from ..models.ticket_out import TicketOut


T = TypeVar("T", bound="WarrantyRemedyOut")


@_attrs_define
class WarrantyRemedyOut:
    """
    Attributes:
        ticket (TicketOut):
        remedy (str):
        replacement_product (None | ProductOut):
    """

    ticket: TicketOut
    remedy: str
    replacement_product: None | ProductOut
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.product_out import ProductOut

        ticket = self.ticket.to_dict()

        remedy = self.remedy

        replacement_product: dict[str, Any] | None
        if isinstance(self.replacement_product, ProductOut):
            replacement_product = self.replacement_product.to_dict()
        else:
            replacement_product = self.replacement_product

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "ticket": ticket,
                "remedy": remedy,
                "replacement_product": replacement_product,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.product_out import ProductOut
        from ..models.ticket_out import TicketOut

        d = dict(src_dict)
        ticket = TicketOut.from_dict(d.pop("ticket"))

        remedy = d.pop("remedy")

        def _parse_replacement_product(data: object) -> None | ProductOut:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                replacement_product_type_0 = ProductOut.from_dict(data)

                return replacement_product_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ProductOut, data)

        replacement_product = _parse_replacement_product(d.pop("replacement_product"))

        warranty_remedy_out = cls(
            ticket=ticket,
            remedy=remedy,
            replacement_product=replacement_product,
        )

        warranty_remedy_out.additional_properties = d
        return warranty_remedy_out

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
