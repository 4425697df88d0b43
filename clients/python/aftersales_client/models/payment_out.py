from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.payment_out_reconciliation_type_0 import PaymentOutReconciliationType0
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.billing_money import BillingMoney


T = TypeVar("T", bound="PaymentOut")


@_attrs_define
class PaymentOut:
    """
    Attributes:
        id (UUID):
        method (str):
        amount (BillingMoney):
        recorded_by (str):
        paid_at (datetime.datetime):
        held_by (None | Unset | UUID): cash taken on site: the technician who took it
        handover_id (None | Unset | UUID):
        netted_month (None | str | Unset):
        reference (None | str | Unset): the provider's reference of a card, transfer or wallet payment
        reconciliation (None | PaymentOutReconciliationType0 | Unset): a non-cash payment a technician recorded is
            unreconciled until finance matches it to the provider's statement (cash: not_needed)
        reconciled_at (datetime.datetime | None | Unset):
        remittance_id (None | Unset | UUID): cash a partner point remitted to the company
    """

    id: UUID
    method: str
    amount: BillingMoney
    recorded_by: str
    paid_at: datetime.datetime
    held_by: None | Unset | UUID = UNSET
    handover_id: None | Unset | UUID = UNSET
    netted_month: None | str | Unset = UNSET
    reference: None | str | Unset = UNSET
    reconciliation: None | PaymentOutReconciliationType0 | Unset = UNSET
    reconciled_at: datetime.datetime | None | Unset = UNSET
    remittance_id: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        method = self.method

        amount = self.amount.to_dict()

        recorded_by = self.recorded_by

        paid_at = self.paid_at.isoformat()

        held_by: None | str | Unset
        if isinstance(self.held_by, Unset):
            held_by = UNSET
        elif isinstance(self.held_by, UUID):
            held_by = str(self.held_by)
        else:
            held_by = self.held_by

        handover_id: None | str | Unset
        if isinstance(self.handover_id, Unset):
            handover_id = UNSET
        elif isinstance(self.handover_id, UUID):
            handover_id = str(self.handover_id)
        else:
            handover_id = self.handover_id

        netted_month: None | str | Unset
        if isinstance(self.netted_month, Unset):
            netted_month = UNSET
        else:
            netted_month = self.netted_month

        reference: None | str | Unset
        if isinstance(self.reference, Unset):
            reference = UNSET
        else:
            reference = self.reference

        reconciliation: None | str | Unset
        if isinstance(self.reconciliation, Unset):
            reconciliation = UNSET
        elif isinstance(self.reconciliation, PaymentOutReconciliationType0):
            reconciliation = self.reconciliation.value
        else:
            reconciliation = self.reconciliation

        reconciled_at: None | str | Unset
        if isinstance(self.reconciled_at, Unset):
            reconciled_at = UNSET
        elif isinstance(self.reconciled_at, datetime.datetime):
            reconciled_at = self.reconciled_at.isoformat()
        else:
            reconciled_at = self.reconciled_at

        remittance_id: None | str | Unset
        if isinstance(self.remittance_id, Unset):
            remittance_id = UNSET
        elif isinstance(self.remittance_id, UUID):
            remittance_id = str(self.remittance_id)
        else:
            remittance_id = self.remittance_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "method": method,
                "amount": amount,
                "recorded_by": recorded_by,
                "paid_at": paid_at,
            }
        )
        if held_by is not UNSET:
            field_dict["held_by"] = held_by
        if handover_id is not UNSET:
            field_dict["handover_id"] = handover_id
        if netted_month is not UNSET:
            field_dict["netted_month"] = netted_month
        if reference is not UNSET:
            field_dict["reference"] = reference
        if reconciliation is not UNSET:
            field_dict["reconciliation"] = reconciliation
        if reconciled_at is not UNSET:
            field_dict["reconciled_at"] = reconciled_at
        if remittance_id is not UNSET:
            field_dict["remittance_id"] = remittance_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.billing_money import BillingMoney

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        method = d.pop("method")

        amount = BillingMoney.from_dict(d.pop("amount"))

        recorded_by = d.pop("recorded_by")

        paid_at = datetime.datetime.fromisoformat(d.pop("paid_at"))

        def _parse_held_by(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                held_by_type_0 = UUID(data)

                return held_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        held_by = _parse_held_by(d.pop("held_by", UNSET))

        def _parse_handover_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                handover_id_type_0 = UUID(data)

                return handover_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        handover_id = _parse_handover_id(d.pop("handover_id", UNSET))

        def _parse_netted_month(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        netted_month = _parse_netted_month(d.pop("netted_month", UNSET))

        def _parse_reference(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reference = _parse_reference(d.pop("reference", UNSET))

        def _parse_reconciliation(
            data: object,
        ) -> None | PaymentOutReconciliationType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reconciliation_type_0 = PaymentOutReconciliationType0(data)

                return reconciliation_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PaymentOutReconciliationType0 | Unset, data)

        reconciliation = _parse_reconciliation(d.pop("reconciliation", UNSET))

        def _parse_reconciled_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reconciled_at_type_0 = datetime.datetime.fromisoformat(data)

                return reconciled_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        reconciled_at = _parse_reconciled_at(d.pop("reconciled_at", UNSET))

        def _parse_remittance_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                remittance_id_type_0 = UUID(data)

                return remittance_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        remittance_id = _parse_remittance_id(d.pop("remittance_id", UNSET))

        payment_out = cls(
            id=id,
            method=method,
            amount=amount,
            recorded_by=recorded_by,
            paid_at=paid_at,
            held_by=held_by,
            handover_id=handover_id,
            netted_month=netted_month,
            reference=reference,
            reconciliation=reconciliation,
            reconciled_at=reconciled_at,
            remittance_id=remittance_id,
        )

        payment_out.additional_properties = d
        return payment_out

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
