from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.refund_payment_in_method import RefundPaymentInMethod
from ..types import UNSET, Unset

T = TypeVar("T", bound="RefundPaymentIn")


@_attrs_define
class RefundPaymentIn:
    """
    Attributes:
        method (RefundPaymentInMethod):
        reference (None | str | Unset): e.g. a transfer's
    """

    method: RefundPaymentInMethod
    reference: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        method = self.method.value

        reference: None | str | Unset
        if isinstance(self.reference, Unset):
            reference = UNSET
        else:
            reference = self.reference

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "method": method,
            }
        )
        if reference is not UNSET:
            field_dict["reference"] = reference

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        method = RefundPaymentInMethod(d.pop("method"))

        def _parse_reference(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reference = _parse_reference(d.pop("reference", UNSET))

        refund_payment_in = cls(
            method=method,
            reference=reference,
        )

        return refund_payment_in
