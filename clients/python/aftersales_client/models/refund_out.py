from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.refund_out_approval import RefundOutApproval
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
        decided (BillingMoney):
        purchase_price (BillingMoney | None): the sale price recorded (none: unknown)
        proof_ref (None | str):
        note (None | str):
        status (RefundOutStatus):
        approval (RefundOutApproval):
        approved_by (None | str):
        approved_at (datetime.datetime | None):
        approval_note (None | str):
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
    decided: BillingMoney
    purchase_price: BillingMoney | None
    proof_ref: None | str
    note: None | str
    status: RefundOutStatus
    approval: RefundOutApproval
    approved_by: None | str
    approved_at: datetime.datetime | None
    approval_note: None | str
    decided_at: datetime.datetime
    paid_at: datetime.datetime | None
    paid_by: None | str
    method: None | str
    reference: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.billing_money import BillingMoney

        id = str(self.id)

        voucher_no: None | str
        voucher_no = self.voucher_no

        ticket_id = str(self.ticket_id)

        reason = self.reason

        amount = self.amount.to_dict()

        decided = self.decided.to_dict()

        purchase_price: dict[str, Any] | None
        if isinstance(self.purchase_price, BillingMoney):
            purchase_price = self.purchase_price.to_dict()
        else:
            purchase_price = self.purchase_price

        proof_ref: None | str
        proof_ref = self.proof_ref

        note: None | str
        note = self.note

        status = self.status.value

        approval = self.approval.value

        approved_by: None | str
        approved_by = self.approved_by

        approved_at: None | str
        if isinstance(self.approved_at, datetime.datetime):
            approved_at = self.approved_at.isoformat()
        else:
            approved_at = self.approved_at

        approval_note: None | str
        approval_note = self.approval_note

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
                "decided": decided,
                "purchase_price": purchase_price,
                "proof_ref": proof_ref,
                "note": note,
                "status": status,
                "approval": approval,
                "approved_by": approved_by,
                "approved_at": approved_at,
                "approval_note": approval_note,
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

        decided = BillingMoney.from_dict(d.pop("decided"))

        def _parse_purchase_price(data: object) -> BillingMoney | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                purchase_price_type_0 = BillingMoney.from_dict(data)

                return purchase_price_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BillingMoney | None, data)

        purchase_price = _parse_purchase_price(d.pop("purchase_price"))

        def _parse_proof_ref(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        proof_ref = _parse_proof_ref(d.pop("proof_ref"))

        def _parse_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        note = _parse_note(d.pop("note"))

        status = RefundOutStatus(d.pop("status"))

        approval = RefundOutApproval(d.pop("approval"))

        def _parse_approved_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        approved_by = _parse_approved_by(d.pop("approved_by"))

        def _parse_approved_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                approved_at_type_0 = datetime.datetime.fromisoformat(data)

                return approved_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        approved_at = _parse_approved_at(d.pop("approved_at"))

        def _parse_approval_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        approval_note = _parse_approval_note(d.pop("approval_note"))

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
            decided=decided,
            purchase_price=purchase_price,
            proof_ref=proof_ref,
            note=note,
            status=status,
            approval=approval,
            approved_by=approved_by,
            approved_at=approved_at,
            approval_note=approval_note,
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
