from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.ticket_out_channel import TicketOutChannel
from ..models.ticket_out_closure_reason_type_0 import TicketOutClosureReasonType0
from ..models.ticket_out_kind import TicketOutKind
from ..models.ticket_out_status import TicketOutStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.assignment import Assignment
    from ..models.callback_summary import CallbackSummary
    from ..models.charge_summary import ChargeSummary
    from ..models.checklist_item_out import ChecklistItemOut
    from ..models.intake_next_clock_out import IntakeNextClockOut
    from ..models.order_line_out import OrderLineOut
    from ..models.pause_out import PauseOut
    from ..models.sample_out import SampleOut
    from ..models.shipping import Shipping
    from ..models.sla import Sla
    from ..models.window_out import WindowOut


T = TypeVar("T", bound="TicketOut")


@_attrs_define
class TicketOut:
    """
    Attributes:
        id (UUID):
        number (str):
        status (TicketOutStatus):
        kind (TicketOutKind):
        channel (TicketOutChannel):
        description (str):
        customer_id (UUID):
        product_id (None | UUID): None for a parts order, training or sample test naming none
        preferred_window (None | WindowOut): a visit's slot
        sla (Sla):
        region (str): the region code of the site (the visit's address)
        assignment (Assignment | None):
        charge (ChargeSummary | None):
        callback (CallbackSummary | None):
        pause (None | PauseOut): set while the ticket's clocks are paused
        closure_reason (None | TicketOutClosureReasonType0): why an ended ticket ended
        complaint_id (None | UUID): the complaint a complaint ticket opened
        reopen_count (int):
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        category (None | str | Unset): the product category it is about (tickets since 0016)
        topic (None | str | Unset):
        lines (list[OrderLineOut] | None | Unset): a parts order's parts
        shipping (None | Shipping | Unset): a parts order's shipping
        window_agreed (bool | None | Unset): a visit ticket: whether its slot is agreed with the customer (false: call
            them, then PUT /v1/tickets/{id}/window); null for a ticket with no visit
        sample (None | SampleOut | Unset): a sample test's sample, arrived
        checklist (list[ChecklistItemOut] | None | Unset): a business customer's duty (dealer_onboarding,
            promotion_support, usage_guidance): its items, ticked with POST /v1/tickets/{id}/checklist/{item}
        checklist_done_at (datetime.datetime | None | Unset): when its last item was ticked: the work finished
        next_clock (IntakeNextClockOut | None | Unset): the clock that matters next (answer, arrival, completion); null
            when paused, once the work is done, or when none runs
    """

    id: UUID
    number: str
    status: TicketOutStatus
    kind: TicketOutKind
    channel: TicketOutChannel
    description: str
    customer_id: UUID
    product_id: None | UUID
    preferred_window: None | WindowOut
    sla: Sla
    region: str
    assignment: Assignment | None
    charge: ChargeSummary | None
    callback: CallbackSummary | None
    pause: None | PauseOut
    closure_reason: None | TicketOutClosureReasonType0
    complaint_id: None | UUID
    reopen_count: int
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    category: None | str | Unset = UNSET
    topic: None | str | Unset = UNSET
    lines: list[OrderLineOut] | None | Unset = UNSET
    shipping: None | Shipping | Unset = UNSET
    window_agreed: bool | None | Unset = UNSET
    sample: None | SampleOut | Unset = UNSET
    checklist: list[ChecklistItemOut] | None | Unset = UNSET
    checklist_done_at: datetime.datetime | None | Unset = UNSET
    next_clock: IntakeNextClockOut | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.assignment import Assignment
        from ..models.callback_summary import CallbackSummary
        from ..models.charge_summary import ChargeSummary
        from ..models.intake_next_clock_out import IntakeNextClockOut
        from ..models.pause_out import PauseOut
        from ..models.sample_out import SampleOut
        from ..models.shipping import Shipping
        from ..models.window_out import WindowOut

        id = str(self.id)

        number = self.number

        status = self.status.value

        kind = self.kind.value

        channel = self.channel.value

        description = self.description

        customer_id = str(self.customer_id)

        product_id: None | str
        if isinstance(self.product_id, UUID):
            product_id = str(self.product_id)
        else:
            product_id = self.product_id

        preferred_window: dict[str, Any] | None
        if isinstance(self.preferred_window, WindowOut):
            preferred_window = self.preferred_window.to_dict()
        else:
            preferred_window = self.preferred_window

        sla = self.sla.to_dict()

        region = self.region

        assignment: dict[str, Any] | None
        if isinstance(self.assignment, Assignment):
            assignment = self.assignment.to_dict()
        else:
            assignment = self.assignment

        charge: dict[str, Any] | None
        if isinstance(self.charge, ChargeSummary):
            charge = self.charge.to_dict()
        else:
            charge = self.charge

        callback: dict[str, Any] | None
        if isinstance(self.callback, CallbackSummary):
            callback = self.callback.to_dict()
        else:
            callback = self.callback

        pause: dict[str, Any] | None
        if isinstance(self.pause, PauseOut):
            pause = self.pause.to_dict()
        else:
            pause = self.pause

        closure_reason: None | str
        if isinstance(self.closure_reason, TicketOutClosureReasonType0):
            closure_reason = self.closure_reason.value
        else:
            closure_reason = self.closure_reason

        complaint_id: None | str
        if isinstance(self.complaint_id, UUID):
            complaint_id = str(self.complaint_id)
        else:
            complaint_id = self.complaint_id

        reopen_count = self.reopen_count

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        category: None | str | Unset
        if isinstance(self.category, Unset):
            category = UNSET
        else:
            category = self.category

        topic: None | str | Unset
        if isinstance(self.topic, Unset):
            topic = UNSET
        else:
            topic = self.topic

        lines: list[dict[str, Any]] | None | Unset
        if isinstance(self.lines, Unset):
            lines = UNSET
        elif isinstance(self.lines, list):
            lines = []
            for lines_type_0_item_data in self.lines:
                lines_type_0_item = lines_type_0_item_data.to_dict()
                lines.append(lines_type_0_item)

        else:
            lines = self.lines

        shipping: dict[str, Any] | None | Unset
        if isinstance(self.shipping, Unset):
            shipping = UNSET
        elif isinstance(self.shipping, Shipping):
            shipping = self.shipping.to_dict()
        else:
            shipping = self.shipping

        window_agreed: bool | None | Unset
        if isinstance(self.window_agreed, Unset):
            window_agreed = UNSET
        else:
            window_agreed = self.window_agreed

        sample: dict[str, Any] | None | Unset
        if isinstance(self.sample, Unset):
            sample = UNSET
        elif isinstance(self.sample, SampleOut):
            sample = self.sample.to_dict()
        else:
            sample = self.sample

        checklist: list[dict[str, Any]] | None | Unset
        if isinstance(self.checklist, Unset):
            checklist = UNSET
        elif isinstance(self.checklist, list):
            checklist = []
            for checklist_type_0_item_data in self.checklist:
                checklist_type_0_item = checklist_type_0_item_data.to_dict()
                checklist.append(checklist_type_0_item)

        else:
            checklist = self.checklist

        checklist_done_at: None | str | Unset
        if isinstance(self.checklist_done_at, Unset):
            checklist_done_at = UNSET
        elif isinstance(self.checklist_done_at, datetime.datetime):
            checklist_done_at = self.checklist_done_at.isoformat()
        else:
            checklist_done_at = self.checklist_done_at

        next_clock: dict[str, Any] | None | Unset
        if isinstance(self.next_clock, Unset):
            next_clock = UNSET
        elif isinstance(self.next_clock, IntakeNextClockOut):
            next_clock = self.next_clock.to_dict()
        else:
            next_clock = self.next_clock

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "number": number,
                "status": status,
                "kind": kind,
                "channel": channel,
                "description": description,
                "customer_id": customer_id,
                "product_id": product_id,
                "preferred_window": preferred_window,
                "sla": sla,
                "region": region,
                "assignment": assignment,
                "charge": charge,
                "callback": callback,
                "pause": pause,
                "closure_reason": closure_reason,
                "complaint_id": complaint_id,
                "reopen_count": reopen_count,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )
        if category is not UNSET:
            field_dict["category"] = category
        if topic is not UNSET:
            field_dict["topic"] = topic
        if lines is not UNSET:
            field_dict["lines"] = lines
        if shipping is not UNSET:
            field_dict["shipping"] = shipping
        if window_agreed is not UNSET:
            field_dict["window_agreed"] = window_agreed
        if sample is not UNSET:
            field_dict["sample"] = sample
        if checklist is not UNSET:
            field_dict["checklist"] = checklist
        if checklist_done_at is not UNSET:
            field_dict["checklist_done_at"] = checklist_done_at
        if next_clock is not UNSET:
            field_dict["next_clock"] = next_clock

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.assignment import Assignment
        from ..models.callback_summary import CallbackSummary
        from ..models.charge_summary import ChargeSummary
        from ..models.checklist_item_out import ChecklistItemOut
        from ..models.intake_next_clock_out import IntakeNextClockOut
        from ..models.order_line_out import OrderLineOut
        from ..models.pause_out import PauseOut
        from ..models.sample_out import SampleOut
        from ..models.shipping import Shipping
        from ..models.sla import Sla
        from ..models.window_out import WindowOut

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        number = d.pop("number")

        status = TicketOutStatus(d.pop("status"))

        kind = TicketOutKind(d.pop("kind"))

        channel = TicketOutChannel(d.pop("channel"))

        description = d.pop("description")

        customer_id = UUID(d.pop("customer_id"))

        def _parse_product_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                product_id_type_0 = UUID(data)

                return product_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        product_id = _parse_product_id(d.pop("product_id"))

        def _parse_preferred_window(data: object) -> None | WindowOut:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                preferred_window_type_0 = WindowOut.from_dict(data)

                return preferred_window_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | WindowOut, data)

        preferred_window = _parse_preferred_window(d.pop("preferred_window"))

        sla = Sla.from_dict(d.pop("sla"))

        region = d.pop("region")

        def _parse_assignment(data: object) -> Assignment | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                assignment_type_0 = Assignment.from_dict(data)

                return assignment_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Assignment | None, data)

        assignment = _parse_assignment(d.pop("assignment"))

        def _parse_charge(data: object) -> ChargeSummary | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                charge_type_0 = ChargeSummary.from_dict(data)

                return charge_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ChargeSummary | None, data)

        charge = _parse_charge(d.pop("charge"))

        def _parse_callback(data: object) -> CallbackSummary | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                callback_type_0 = CallbackSummary.from_dict(data)

                return callback_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CallbackSummary | None, data)

        callback = _parse_callback(d.pop("callback"))

        def _parse_pause(data: object) -> None | PauseOut:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                pause_type_0 = PauseOut.from_dict(data)

                return pause_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PauseOut, data)

        pause = _parse_pause(d.pop("pause"))

        def _parse_closure_reason(data: object) -> None | TicketOutClosureReasonType0:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                closure_reason_type_0 = TicketOutClosureReasonType0(data)

                return closure_reason_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TicketOutClosureReasonType0, data)

        closure_reason = _parse_closure_reason(d.pop("closure_reason"))

        def _parse_complaint_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                complaint_id_type_0 = UUID(data)

                return complaint_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        complaint_id = _parse_complaint_id(d.pop("complaint_id"))

        reopen_count = d.pop("reopen_count")

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_category(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        category = _parse_category(d.pop("category", UNSET))

        def _parse_topic(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        topic = _parse_topic(d.pop("topic", UNSET))

        def _parse_lines(data: object) -> list[OrderLineOut] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                lines_type_0 = []
                _lines_type_0 = data
                for lines_type_0_item_data in _lines_type_0:
                    lines_type_0_item = OrderLineOut.from_dict(lines_type_0_item_data)

                    lines_type_0.append(lines_type_0_item)

                return lines_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[OrderLineOut] | None | Unset, data)

        lines = _parse_lines(d.pop("lines", UNSET))

        def _parse_shipping(data: object) -> None | Shipping | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                shipping_type_0 = Shipping.from_dict(data)

                return shipping_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Shipping | Unset, data)

        shipping = _parse_shipping(d.pop("shipping", UNSET))

        def _parse_window_agreed(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        window_agreed = _parse_window_agreed(d.pop("window_agreed", UNSET))

        def _parse_sample(data: object) -> None | SampleOut | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                sample_type_0 = SampleOut.from_dict(data)

                return sample_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SampleOut | Unset, data)

        sample = _parse_sample(d.pop("sample", UNSET))

        def _parse_checklist(data: object) -> list[ChecklistItemOut] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                checklist_type_0 = []
                _checklist_type_0 = data
                for checklist_type_0_item_data in _checklist_type_0:
                    checklist_type_0_item = ChecklistItemOut.from_dict(
                        checklist_type_0_item_data
                    )

                    checklist_type_0.append(checklist_type_0_item)

                return checklist_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ChecklistItemOut] | None | Unset, data)

        checklist = _parse_checklist(d.pop("checklist", UNSET))

        def _parse_checklist_done_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                checklist_done_at_type_0 = datetime.datetime.fromisoformat(data)

                return checklist_done_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        checklist_done_at = _parse_checklist_done_at(d.pop("checklist_done_at", UNSET))

        def _parse_next_clock(data: object) -> IntakeNextClockOut | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                next_clock_type_0 = IntakeNextClockOut.from_dict(data)

                return next_clock_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(IntakeNextClockOut | None | Unset, data)

        next_clock = _parse_next_clock(d.pop("next_clock", UNSET))

        ticket_out = cls(
            id=id,
            number=number,
            status=status,
            kind=kind,
            channel=channel,
            description=description,
            customer_id=customer_id,
            product_id=product_id,
            preferred_window=preferred_window,
            sla=sla,
            region=region,
            assignment=assignment,
            charge=charge,
            callback=callback,
            pause=pause,
            closure_reason=closure_reason,
            complaint_id=complaint_id,
            reopen_count=reopen_count,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
            category=category,
            topic=topic,
            lines=lines,
            shipping=shipping,
            window_agreed=window_agreed,
            sample=sample,
            checklist=checklist,
            checklist_done_at=checklist_done_at,
            next_clock=next_clock,
        )

        ticket_out.additional_properties = d
        return ticket_out

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
