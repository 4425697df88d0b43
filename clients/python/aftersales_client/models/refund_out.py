from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.refund_out_status import RefundOutStatus

if TYPE_CHECKING:
    from ..models.billing_money import BillingMoney


T = TypeVar("T", bound="RefundOut")


@_attrs_define
class RefundOut:
    """
    Attributes:
        id (UUID):
        voucher_no (None | str):
        ticket_id (UUID):
        reason (str):
        amount (BillingMoney):
        note (None | str):
        status (RefundOutStatus):
        decided_at (datetime.datetime):
        paid_at (datetime.datetime | None):
        paid_by (None | str):
        method (None | str):
        reference (None | str):
    """

    id: UUID
    voucher_no: None | str
    ticket_id: UUID
    reason: str
    amount: BillingMoney
    note: None | str
    status: RefundOutStatus
    decided_at: datetime.datetime
    paid_at: datetime.datetime | None
    paid_by: None | str
    method: None | str
    reference: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        voucher_no: None | str
        voucher_no = self.voucher_no

        ticket_id = str(self.ticket_id)

        reason = self.reason

        amount = self.amount.to_dict()

        note: None | str
        note = self.note

        status = self.status.value

        decided_at = self.decided_at.isoformat()

        paid_at: None | str
        if isinstance(self.paid_at, datetime.datetime):
            paid_at = self.paid_at.isoformat()
        else:
            paid_at = self.paid_at

        paid_by: None | str
        paid_by = self.paid_by

        method: None | str
        method = self.method

        reference: None | str
        reference = self.reference

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "voucher_no": voucher_no,
                "ticket_id": ticket_id,
                "reason": reason,
                "amount": amount,
                "note": note,
                "status": status,
                "decided_at": decided_at,
                "paid_at": paid_at,
                "paid_by": paid_by,
                "method": method,
                "reference": reference,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.billing_money import BillingMoney

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        def _parse_voucher_no(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        voucher_no = _parse_voucher_no(d.pop("voucher_no"))

        ticket_id = UUID(d.pop("ticket_id"))

        reason = d.pop("reason")

        amount = BillingMoney.from_dict(d.pop("amount"))

        def _parse_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        note = _parse_note(d.pop("note"))

        status = RefundOutStatus(d.pop("status"))

        decided_at = datetime.datetime.fromisoformat(d.pop("decided_at"))

        def _parse_paid_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                paid_at_type_0 = datetime.datetime.fromisoformat(data)

                return paid_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        paid_at = _parse_paid_at(d.pop("paid_at"))

        def _parse_paid_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        paid_by = _parse_paid_by(d.pop("paid_by"))

        def _parse_method(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        method = _parse_method(d.pop("method"))

        def _parse_reference(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reference = _parse_reference(d.pop("reference"))

        refund_out = cls(
            id=id,
            voucher_no=voucher_no,
            ticket_id=ticket_id,
            reason=reason,
            amount=amount,
            note=note,
            status=status,
            decided_at=decided_at,
            paid_at=paid_at,
            paid_by=paid_by,
            method=method,
            reference=reference,
        )

        refund_out.additional_properties = d
        return refund_out

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
