from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.charge_out_service_class import ChargeOutServiceClass
from ..models.charge_out_status import ChargeOutStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.billing_delivery_out import BillingDeliveryOut
    from ..models.billing_money import BillingMoney
    from ..models.charge_line_out import ChargeLineOut
    from ..models.charge_out_exclusion_type_0 import ChargeOutExclusionType0
    from ..models.charge_out_late_report_type_0 import ChargeOutLateReportType0
    from ..models.late_out import LateOut
    from ..models.payment_out import PaymentOut


T = TypeVar("T", bound="ChargeOut")


@_attrs_define
class ChargeOut:
    """
    Attributes:
        id (UUID):
        ticket_id (UUID):
        job_id (None | UUID):
        point_id (None | UUID):
        technician_id (None | UUID):
        service_class (ChargeOutServiceClass):
        class_reason (str):
        contract_id (None | UUID):
        price_list_version (int | None):
        lines (list[ChargeLineOut]):
        customer_total (BillingMoney):
        company_cost (BillingMoney):
        credited (BillingMoney):
        paid (BillingMoney):
        balance (BillingMoney):
        status (ChargeOutStatus):
        review (list[str]): lines that could not be priced, for an agent to check
        held (bool): an implausible or a late report: not invoiced nor settled until released
        held_reason (None | str):
        month (str):
        completed_at (datetime.datetime):
        issued_at (datetime.datetime):
        invoice_id (None | UUID):
        auto_invoice_at (datetime.datetime | None):
        payments (list[PaymentOut]):
        version (int):
        updated_at (datetime.datetime):
        campaign_id (None | Unset | UUID):
        exclusion (ChargeOutExclusionType0 | None | Unset): the warranty exclusion claimed (reason, note, photo_ref),
            what the charge would otherwise be, and finance's overturn if any
        late (LateOut | None | Unset):
        unpaid_reason (None | str | Unset): why the point is not paid for this job's work
        late_report (ChargeOutLateReportType0 | None | Unset): a job reported late: when its reports reached dispatch,
            what the received times change in the money, both figures (reported, received) while held, and the basis finance
            released it on
        delivery (BillingDeliveryOut | None | Unset): a parts order delivered after its promised date: the days late,
            the compensation credited, and finance's waiver if any
        number (None | str | Unset): a supplementary charge's number
        supplements (None | Unset | UUID): the charge a supplementary charge corrects
    """

    id: UUID
    ticket_id: UUID
    job_id: None | UUID
    point_id: None | UUID
    technician_id: None | UUID
    service_class: ChargeOutServiceClass
    class_reason: str
    contract_id: None | UUID
    price_list_version: int | None
    lines: list[ChargeLineOut]
    customer_total: BillingMoney
    company_cost: BillingMoney
    credited: BillingMoney
    paid: BillingMoney
    balance: BillingMoney
    status: ChargeOutStatus
    review: list[str]
    held: bool
    held_reason: None | str
    month: str
    completed_at: datetime.datetime
    issued_at: datetime.datetime
    invoice_id: None | UUID
    auto_invoice_at: datetime.datetime | None
    payments: list[PaymentOut]
    version: int
    updated_at: datetime.datetime
    campaign_id: None | Unset | UUID = UNSET
    exclusion: ChargeOutExclusionType0 | None | Unset = UNSET
    late: LateOut | None | Unset = UNSET
    unpaid_reason: None | str | Unset = UNSET
    late_report: ChargeOutLateReportType0 | None | Unset = UNSET
    delivery: BillingDeliveryOut | None | Unset = UNSET
    number: None | str | Unset = UNSET
    supplements: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.billing_delivery_out import BillingDeliveryOut
        from ..models.charge_out_exclusion_type_0 import ChargeOutExclusionType0
        from ..models.charge_out_late_report_type_0 import ChargeOutLateReportType0
        from ..models.late_out import LateOut

        id = str(self.id)

        ticket_id = str(self.ticket_id)

        job_id: None | str
        if isinstance(self.job_id, UUID):
            job_id = str(self.job_id)
        else:
            job_id = self.job_id

        point_id: None | str
        if isinstance(self.point_id, UUID):
            point_id = str(self.point_id)
        else:
            point_id = self.point_id

        technician_id: None | str
        if isinstance(self.technician_id, UUID):
            technician_id = str(self.technician_id)
        else:
            technician_id = self.technician_id

        service_class = self.service_class.value

        class_reason = self.class_reason

        contract_id: None | str
        if isinstance(self.contract_id, UUID):
            contract_id = str(self.contract_id)
        else:
            contract_id = self.contract_id

        price_list_version: int | None
        price_list_version = self.price_list_version

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        customer_total = self.customer_total.to_dict()

        company_cost = self.company_cost.to_dict()

        credited = self.credited.to_dict()

        paid = self.paid.to_dict()

        balance = self.balance.to_dict()

        status = self.status.value

        review = self.review

        held = self.held

        held_reason: None | str
        held_reason = self.held_reason

        month = self.month

        completed_at = self.completed_at.isoformat()

        issued_at = self.issued_at.isoformat()

        invoice_id: None | str
        if isinstance(self.invoice_id, UUID):
            invoice_id = str(self.invoice_id)
        else:
            invoice_id = self.invoice_id

        auto_invoice_at: None | str
        if isinstance(self.auto_invoice_at, datetime.datetime):
            auto_invoice_at = self.auto_invoice_at.isoformat()
        else:
            auto_invoice_at = self.auto_invoice_at

        payments = []
        for payments_item_data in self.payments:
            payments_item = payments_item_data.to_dict()
            payments.append(payments_item)

        version = self.version

        updated_at = self.updated_at.isoformat()

        campaign_id: None | str | Unset
        if isinstance(self.campaign_id, Unset):
            campaign_id = UNSET
        elif isinstance(self.campaign_id, UUID):
            campaign_id = str(self.campaign_id)
        else:
            campaign_id = self.campaign_id

        exclusion: dict[str, Any] | None | Unset
        if isinstance(self.exclusion, Unset):
            exclusion = UNSET
        elif isinstance(self.exclusion, ChargeOutExclusionType0):
            exclusion = self.exclusion.to_dict()
        else:
            exclusion = self.exclusion

        late: dict[str, Any] | None | Unset
        if isinstance(self.late, Unset):
            late = UNSET
        elif isinstance(self.late, LateOut):
            late = self.late.to_dict()
        else:
            late = self.late

        unpaid_reason: None | str | Unset
        if isinstance(self.unpaid_reason, Unset):
            unpaid_reason = UNSET
        else:
            unpaid_reason = self.unpaid_reason

        late_report: dict[str, Any] | None | Unset
        if isinstance(self.late_report, Unset):
            late_report = UNSET
        elif isinstance(self.late_report, ChargeOutLateReportType0):
            late_report = self.late_report.to_dict()
        else:
            late_report = self.late_report

        delivery: dict[str, Any] | None | Unset
        if isinstance(self.delivery, Unset):
            delivery = UNSET
        elif isinstance(self.delivery, BillingDeliveryOut):
            delivery = self.delivery.to_dict()
        else:
            delivery = self.delivery

        number: None | str | Unset
        if isinstance(self.number, Unset):
            number = UNSET
        else:
            number = self.number

        supplements: None | str | Unset
        if isinstance(self.supplements, Unset):
            supplements = UNSET
        elif isinstance(self.supplements, UUID):
            supplements = str(self.supplements)
        else:
            supplements = self.supplements

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "ticket_id": ticket_id,
                "job_id": job_id,
                "point_id": point_id,
                "technician_id": technician_id,
                "service_class": service_class,
                "class_reason": class_reason,
                "contract_id": contract_id,
                "price_list_version": price_list_version,
                "lines": lines,
                "customer_total": customer_total,
                "company_cost": company_cost,
                "credited": credited,
                "paid": paid,
                "balance": balance,
                "status": status,
                "review": review,
                "held": held,
                "held_reason": held_reason,
                "month": month,
                "completed_at": completed_at,
                "issued_at": issued_at,
                "invoice_id": invoice_id,
                "auto_invoice_at": auto_invoice_at,
                "payments": payments,
                "version": version,
                "updated_at": updated_at,
            }
        )
        if campaign_id is not UNSET:
            field_dict["campaign_id"] = campaign_id
        if exclusion is not UNSET:
            field_dict["exclusion"] = exclusion
        if late is not UNSET:
            field_dict["late"] = late
        if unpaid_reason is not UNSET:
            field_dict["unpaid_reason"] = unpaid_reason
        if late_report is not UNSET:
            field_dict["late_report"] = late_report
        if delivery is not UNSET:
            field_dict["delivery"] = delivery
        if number is not UNSET:
            field_dict["number"] = number
        if supplements is not UNSET:
            field_dict["supplements"] = supplements

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.billing_delivery_out import BillingDeliveryOut
        from ..models.billing_money import BillingMoney
        from ..models.charge_line_out import ChargeLineOut
        from ..models.charge_out_exclusion_type_0 import ChargeOutExclusionType0
        from ..models.charge_out_late_report_type_0 import ChargeOutLateReportType0
        from ..models.late_out import LateOut
        from ..models.payment_out import PaymentOut

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        ticket_id = UUID(d.pop("ticket_id"))

        def _parse_job_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                job_id_type_0 = UUID(data)

                return job_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        job_id = _parse_job_id(d.pop("job_id"))

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

        service_class = ChargeOutServiceClass(d.pop("service_class"))

        class_reason = d.pop("class_reason")

        def _parse_contract_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                contract_id_type_0 = UUID(data)

                return contract_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        contract_id = _parse_contract_id(d.pop("contract_id"))

        def _parse_price_list_version(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        price_list_version = _parse_price_list_version(d.pop("price_list_version"))

        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = ChargeLineOut.from_dict(lines_item_data)

            lines.append(lines_item)

        customer_total = BillingMoney.from_dict(d.pop("customer_total"))

        company_cost = BillingMoney.from_dict(d.pop("company_cost"))

        credited = BillingMoney.from_dict(d.pop("credited"))

        paid = BillingMoney.from_dict(d.pop("paid"))

        balance = BillingMoney.from_dict(d.pop("balance"))

        status = ChargeOutStatus(d.pop("status"))

        review = cast(list[str], d.pop("review"))

        held = d.pop("held")

        def _parse_held_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        held_reason = _parse_held_reason(d.pop("held_reason"))

        month = d.pop("month")

        completed_at = datetime.datetime.fromisoformat(d.pop("completed_at"))

        issued_at = datetime.datetime.fromisoformat(d.pop("issued_at"))

        def _parse_invoice_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                invoice_id_type_0 = UUID(data)

                return invoice_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        invoice_id = _parse_invoice_id(d.pop("invoice_id"))

        def _parse_auto_invoice_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                auto_invoice_at_type_0 = datetime.datetime.fromisoformat(data)

                return auto_invoice_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        auto_invoice_at = _parse_auto_invoice_at(d.pop("auto_invoice_at"))

        payments = []
        _payments = d.pop("payments")
        for payments_item_data in _payments:
            payments_item = PaymentOut.from_dict(payments_item_data)

            payments.append(payments_item)

        version = d.pop("version")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_campaign_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                campaign_id_type_0 = UUID(data)

                return campaign_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        campaign_id = _parse_campaign_id(d.pop("campaign_id", UNSET))

        def _parse_exclusion(data: object) -> ChargeOutExclusionType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                exclusion_type_0 = ChargeOutExclusionType0.from_dict(data)

                return exclusion_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ChargeOutExclusionType0 | None | Unset, data)

        exclusion = _parse_exclusion(d.pop("exclusion", UNSET))

        def _parse_late(data: object) -> LateOut | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                late_type_0 = LateOut.from_dict(data)

                return late_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LateOut | None | Unset, data)

        late = _parse_late(d.pop("late", UNSET))

        def _parse_unpaid_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        unpaid_reason = _parse_unpaid_reason(d.pop("unpaid_reason", UNSET))

        def _parse_late_report(data: object) -> ChargeOutLateReportType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                late_report_type_0 = ChargeOutLateReportType0.from_dict(data)

                return late_report_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ChargeOutLateReportType0 | None | Unset, data)

        late_report = _parse_late_report(d.pop("late_report", UNSET))

        def _parse_delivery(data: object) -> BillingDeliveryOut | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                delivery_type_0 = BillingDeliveryOut.from_dict(data)

                return delivery_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BillingDeliveryOut | None | Unset, data)

        delivery = _parse_delivery(d.pop("delivery", UNSET))

        def _parse_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        number = _parse_number(d.pop("number", UNSET))

        def _parse_supplements(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                supplements_type_0 = UUID(data)

                return supplements_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        supplements = _parse_supplements(d.pop("supplements", UNSET))

        charge_out = cls(
            id=id,
            ticket_id=ticket_id,
            job_id=job_id,
            point_id=point_id,
            technician_id=technician_id,
            service_class=service_class,
            class_reason=class_reason,
            contract_id=contract_id,
            price_list_version=price_list_version,
            lines=lines,
            customer_total=customer_total,
            company_cost=company_cost,
            credited=credited,
            paid=paid,
            balance=balance,
            status=status,
            review=review,
            held=held,
            held_reason=held_reason,
            month=month,
            completed_at=completed_at,
            issued_at=issued_at,
            invoice_id=invoice_id,
            auto_invoice_at=auto_invoice_at,
            payments=payments,
            version=version,
            updated_at=updated_at,
            campaign_id=campaign_id,
            exclusion=exclusion,
            late=late,
            unpaid_reason=unpaid_reason,
            late_report=late_report,
            delivery=delivery,
            number=number,
            supplements=supplements,
        )

        charge_out.additional_properties = d
        return charge_out

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
