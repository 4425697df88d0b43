from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="IntakeTransferIn")


@_attrs_define
class IntakeTransferIn:
    """
    Attributes:
        customer_id (UUID): the new owner
    """

    customer_id: UUID

    def to_dict(self) -> dict[str, Any]:
        customer_id = str(self.customer_id)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "customer_id": customer_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        customer_id = UUID(d.pop("customer_id"))

        intake_transfer_in = cls(
            customer_id=customer_id,
        )

        return intake_transfer_in
