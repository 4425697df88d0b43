from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.cash_payment_out_status import CashPaymentOutStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.billing_money import BillingMoney


T = TypeVar("T", bound="CashPaymentOut")


@_attrs_define
class CashPaymentOut:
    """
    Attributes:
        payment_id (UUID):
        charge_id (UUID):
        technician_id (None | UUID):
        point_id (None | UUID):
        amount (BillingMoney):
        paid_at (datetime.datetime):
        status (CashPaymentOutStatus): held (the technician), at_office (a partner's office: still owed), handed_over (a
            company point's office: the end), remitted (a partner paid it to the company), netted (a partner's settlement
            took it)
        handover_id (None | UUID):
        netted_month (None | str):
        remittance_id (None | Unset | UUID):
    """

    payment_id: UUID
    charge_id: UUID
    technician_id: None | UUID
    point_id: None | UUID
    amount: BillingMoney
    paid_at: datetime.datetime
    status: CashPaymentOutStatus
    handover_id: None | UUID
    netted_month: None | str
    remittance_id: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        payment_id = str(self.payment_id)

        charge_id = str(self.charge_id)

        technician_id: None | str
        if isinstance(self.technician_id, UUID):
            technician_id = str(self.technician_id)
        else:
            technician_id = self.technician_id

        point_id: None | str
        if isinstance(self.point_id, UUID):
            point_id = str(self.point_id)
        else:
            point_id = self.point_id

        amount = self.amount.to_dict()

        paid_at = self.paid_at.isoformat()

        status = self.status.value

        handover_id: None | str
        if isinstance(self.handover_id, UUID):
            handover_id = str(self.handover_id)
        else:
            handover_id = self.handover_id

        netted_month: None | str
        netted_month = self.netted_month

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
                "payment_id": payment_id,
                "charge_id": charge_id,
                "technician_id": technician_id,
                "point_id": point_id,
                "amount": amount,
                "paid_at": paid_at,
                "status": status,
                "handover_id": handover_id,
                "netted_month": netted_month,
            }
        )
        if remittance_id is not UNSET:
            field_dict["remittance_id"] = remittance_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.billing_money import BillingMoney

        d = dict(src_dict)
        payment_id = UUID(d.pop("payment_id"))

        charge_id = UUID(d.pop("charge_id"))

        def _parse_technician_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                technician_id_type_0 = UUID(data)

                return technician_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        technician_id = _parse_technician_id(d.pop("technician_id"))

        def _parse_point_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                point_id_type_0 = UUID(data)

                return point_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        point_id = _parse_point_id(d.pop("point_id"))

        amount = BillingMoney.from_dict(d.pop("amount"))

        paid_at = datetime.datetime.fromisoformat(d.pop("paid_at"))

        status = CashPaymentOutStatus(d.pop("status"))

        def _parse_handover_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                handover_id_type_0 = UUID(data)

                return handover_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        handover_id = _parse_handover_id(d.pop("handover_id"))

        def _parse_netted_month(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        netted_month = _parse_netted_month(d.pop("netted_month"))

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

        cash_payment_out = cls(
            payment_id=payment_id,
            charge_id=charge_id,
            technician_id=technician_id,
            point_id=point_id,
            amount=amount,
            paid_at=paid_at,
            status=status,
            handover_id=handover_id,
            netted_month=netted_month,
            remittance_id=remittance_id,
        )

        cash_payment_out.additional_properties = d
        return cash_payment_out

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
