from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.job_out_status import JobOutStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.appointment import Appointment
    from ..models.dispatch_next_clock_out import DispatchNextClockOut
    from ..models.job_out_customer import JobOutCustomer
    from ..models.job_out_product_type_0 import JobOutProductType0
    from ..models.job_out_routing_type_0 import JobOutRoutingType0
    from ..models.job_pause import JobPause
    from ..models.part_out import PartOut


T = TypeVar("T", bound="JobOut")


@_attrs_define
class JobOut:
    """
    Attributes:
        id (UUID):
        ticket_id (UUID):
        ticket_number (str):
        kind (str):
        region (str):
        category (str):
        description (str):
        customer (JobOutCustomer): who and where; to a point, technician or app only the district (region, city) until
            the point accepts the job
        product (JobOutProductType0 | None): the product to work on; null for a ticket without one (a sales training, a
            sample without a registered product): `category` and `topic` say what it is about
        preferred_window (Appointment | None): the customer's window: a booking lies inside it (but for a reschedule the
            customer asked for, which moves it)
        status (JobOutStatus):
        status_reason (None | str):
        point_id (None | UUID):
        technician_id (None | UUID):
        visit_number (int):
        previous_job_id (None | UUID):
        rework_reason (None | str):
        attempt (int):
        offer_expires_at (datetime.datetime | None):
        routing (JobOutRoutingType0 | None): the candidates and why the winner won
        appointment (Appointment | None):
        service_date (datetime.date | None):
        arrived_at (datetime.datetime | None):
        arrived_late_minutes (int | None):
        receipt_no (None | str):
        resolution (None | str):
        labor_minutes (int):
        parts (list[PartOut]):
        travel_km (int):
        completed_at (datetime.datetime | None):
        pause (JobPause | None): set while the job's SLA clocks are paused
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        topic (None | str | Unset): what a training or sample is about
        window_agreed (bool | Unset): the window was agreed with the customer by the centre Default: False.
        window_agreed_at (datetime.datetime | None | Unset):
        respond_by (datetime.datetime | None | Unset): the visit is to be booked by then (until it is booked)
        complete_by (datetime.datetime | None | Unset): the ticket's deadline to finish, if its kind has one
        next_clock (DispatchNextClockOut | None | Unset): the clock that matters next (accept, respond, arrival,
            completion); null when the job ended, is paused (but for an offer's accept-by) or none runs
        symptom_code (None | str | Unset):
        cause_code (None | str | Unset):
        action_code (None | str | Unset):
        outcome (None | str | Unset):
    """

    id: UUID
    ticket_id: UUID
    ticket_number: str
    kind: str
    region: str
    category: str
    description: str
    customer: JobOutCustomer
    product: JobOutProductType0 | None
    preferred_window: Appointment | None
    status: JobOutStatus
    status_reason: None | str
    point_id: None | UUID
    technician_id: None | UUID
    visit_number: int
    previous_job_id: None | UUID
    rework_reason: None | str
    attempt: int
    offer_expires_at: datetime.datetime | None
    routing: JobOutRoutingType0 | None
    appointment: Appointment | None
    service_date: datetime.date | None
    arrived_at: datetime.datetime | None
    arrived_late_minutes: int | None
    receipt_no: None | str
    resolution: None | str
    labor_minutes: int
    parts: list[PartOut]
    travel_km: int
    completed_at: datetime.datetime | None
    pause: JobPause | None
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    topic: None | str | Unset = UNSET
    window_agreed: bool | Unset = False
    window_agreed_at: datetime.datetime | None | Unset = UNSET
    respond_by: datetime.datetime | None | Unset = UNSET
    complete_by: datetime.datetime | None | Unset = UNSET
    next_clock: DispatchNextClockOut | None | Unset = UNSET
    symptom_code: None | str | Unset = UNSET
    cause_code: None | str | Unset = UNSET
    action_code: None | str | Unset = UNSET
    outcome: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.appointment import Appointment
        from ..models.dispatch_next_clock_out import DispatchNextClockOut
        from ..models.job_out_product_type_0 import JobOutProductType0
        from ..models.job_out_routing_type_0 import JobOutRoutingType0
        from ..models.job_pause import JobPause

        id = str(self.id)

        ticket_id = str(self.ticket_id)

        ticket_number = self.ticket_number

        kind = self.kind

        region = self.region

        category = self.category

        description = self.description

        customer = self.customer.to_dict()

        product: dict[str, Any] | None
        if isinstance(self.product, JobOutProductType0):
            product = self.product.to_dict()
        else:
            product = self.product

        preferred_window: dict[str, Any] | None
        if isinstance(self.preferred_window, Appointment):
            preferred_window = self.preferred_window.to_dict()
        else:
            preferred_window = self.preferred_window

        status = self.status.value

        status_reason: None | str
        status_reason = self.status_reason

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

        visit_number = self.visit_number

        previous_job_id: None | str
        if isinstance(self.previous_job_id, UUID):
            previous_job_id = str(self.previous_job_id)
        else:
            previous_job_id = self.previous_job_id

        rework_reason: None | str
        rework_reason = self.rework_reason

        attempt = self.attempt

        offer_expires_at: None | str
        if isinstance(self.offer_expires_at, datetime.datetime):
            offer_expires_at = self.offer_expires_at.isoformat()
        else:
            offer_expires_at = self.offer_expires_at

        routing: dict[str, Any] | None
        if isinstance(self.routing, JobOutRoutingType0):
            routing = self.routing.to_dict()
        else:
            routing = self.routing

        appointment: dict[str, Any] | None
        if isinstance(self.appointment, Appointment):
            appointment = self.appointment.to_dict()
        else:
            appointment = self.appointment

        service_date: None | str
        if isinstance(self.service_date, datetime.date):
            service_date = self.service_date.isoformat()
        else:
            service_date = self.service_date

        arrived_at: None | str
        if isinstance(self.arrived_at, datetime.datetime):
            arrived_at = self.arrived_at.isoformat()
        else:
            arrived_at = self.arrived_at

        arrived_late_minutes: int | None
        arrived_late_minutes = self.arrived_late_minutes

        receipt_no: None | str
        receipt_no = self.receipt_no

        resolution: None | str
        resolution = self.resolution

        labor_minutes = self.labor_minutes

        parts = []
        for parts_item_data in self.parts:
            parts_item = parts_item_data.to_dict()
            parts.append(parts_item)

        travel_km = self.travel_km

        completed_at: None | str
        if isinstance(self.completed_at, datetime.datetime):
            completed_at = self.completed_at.isoformat()
        else:
            completed_at = self.completed_at

        pause: dict[str, Any] | None
        if isinstance(self.pause, JobPause):
            pause = self.pause.to_dict()
        else:
            pause = self.pause

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        topic: None | str | Unset
        if isinstance(self.topic, Unset):
            topic = UNSET
        else:
            topic = self.topic

        window_agreed = self.window_agreed

        window_agreed_at: None | str | Unset
        if isinstance(self.window_agreed_at, Unset):
            window_agreed_at = UNSET
        elif isinstance(self.window_agreed_at, datetime.datetime):
            window_agreed_at = self.window_agreed_at.isoformat()
        else:
            window_agreed_at = self.window_agreed_at

        respond_by: None | str | Unset
        if isinstance(self.respond_by, Unset):
            respond_by = UNSET
        elif isinstance(self.respond_by, datetime.datetime):
            respond_by = self.respond_by.isoformat()
        else:
            respond_by = self.respond_by

        complete_by: None | str | Unset
        if isinstance(self.complete_by, Unset):
            complete_by = UNSET
        elif isinstance(self.complete_by, datetime.datetime):
            complete_by = self.complete_by.isoformat()
        else:
            complete_by = self.complete_by

        next_clock: dict[str, Any] | None | Unset
        if isinstance(self.next_clock, Unset):
            next_clock = UNSET
        elif isinstance(self.next_clock, DispatchNextClockOut):
            next_clock = self.next_clock.to_dict()
        else:
            next_clock = self.next_clock

        symptom_code: None | str | Unset
        if isinstance(self.symptom_code, Unset):
            symptom_code = UNSET
        else:
            symptom_code = self.symptom_code

        cause_code: None | str | Unset
        if isinstance(self.cause_code, Unset):
            cause_code = UNSET
        else:
            cause_code = self.cause_code

        action_code: None | str | Unset
        if isinstance(self.action_code, Unset):
            action_code = UNSET
        else:
            action_code = self.action_code

        outcome: None | str | Unset
        if isinstance(self.outcome, Unset):
            outcome = UNSET
        else:
            outcome = self.outcome

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "ticket_id": ticket_id,
                "ticket_number": ticket_number,
                "kind": kind,
                "region": region,
                "category": category,
                "description": description,
                "customer": customer,
                "product": product,
                "preferred_window": preferred_window,
                "status": status,
                "status_reason": status_reason,
                "point_id": point_id,
                "technician_id": technician_id,
                "visit_number": visit_number,
                "previous_job_id": previous_job_id,
                "rework_reason": rework_reason,
                "attempt": attempt,
                "offer_expires_at": offer_expires_at,
                "routing": routing,
                "appointment": appointment,
                "service_date": service_date,
                "arrived_at": arrived_at,
                "arrived_late_minutes": arrived_late_minutes,
                "receipt_no": receipt_no,
                "resolution": resolution,
                "labor_minutes": labor_minutes,
                "parts": parts,
                "travel_km": travel_km,
                "completed_at": completed_at,
                "pause": pause,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )
        if topic is not UNSET:
            field_dict["topic"] = topic
        if window_agreed is not UNSET:
            field_dict["window_agreed"] = window_agreed
        if window_agreed_at is not UNSET:
            field_dict["window_agreed_at"] = window_agreed_at
        if respond_by is not UNSET:
            field_dict["respond_by"] = respond_by
        if complete_by is not UNSET:
            field_dict["complete_by"] = complete_by
        if next_clock is not UNSET:
            field_dict["next_clock"] = next_clock
        if symptom_code is not UNSET:
            field_dict["symptom_code"] = symptom_code
        if cause_code is not UNSET:
            field_dict["cause_code"] = cause_code
        if action_code is not UNSET:
            field_dict["action_code"] = action_code
        if outcome is not UNSET:
            field_dict["outcome"] = outcome

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.appointment import Appointment
        from ..models.dispatch_next_clock_out import DispatchNextClockOut
        from ..models.job_out_customer import JobOutCustomer
        from ..models.job_out_product_type_0 import JobOutProductType0
        from ..models.job_out_routing_type_0 import JobOutRoutingType0
        from ..models.job_pause import JobPause
        from ..models.part_out import PartOut

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        ticket_id = UUID(d.pop("ticket_id"))

        ticket_number = d.pop("ticket_number")

        kind = d.pop("kind")

        region = d.pop("region")

        category = d.pop("category")

        description = d.pop("description")

        customer = JobOutCustomer.from_dict(d.pop("customer"))

        def _parse_product(data: object) -> JobOutProductType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                product_type_0 = JobOutProductType0.from_dict(data)

                return product_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(JobOutProductType0 | None, data)

        product = _parse_product(d.pop("product"))

        def _parse_preferred_window(data: object) -> Appointment | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                preferred_window_type_0 = Appointment.from_dict(data)

                return preferred_window_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Appointment | None, data)

        preferred_window = _parse_preferred_window(d.pop("preferred_window"))

        status = JobOutStatus(d.pop("status"))

        def _parse_status_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        status_reason = _parse_status_reason(d.pop("status_reason"))

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

        visit_number = d.pop("visit_number")

        def _parse_previous_job_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                previous_job_id_type_0 = UUID(data)

                return previous_job_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        previous_job_id = _parse_previous_job_id(d.pop("previous_job_id"))

        def _parse_rework_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        rework_reason = _parse_rework_reason(d.pop("rework_reason"))

        attempt = d.pop("attempt")

        def _parse_offer_expires_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                offer_expires_at_type_0 = datetime.datetime.fromisoformat(data)

                return offer_expires_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        offer_expires_at = _parse_offer_expires_at(d.pop("offer_expires_at"))

        def _parse_routing(data: object) -> JobOutRoutingType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                routing_type_0 = JobOutRoutingType0.from_dict(data)

                return routing_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(JobOutRoutingType0 | None, data)

        routing = _parse_routing(d.pop("routing"))

        def _parse_appointment(data: object) -> Appointment | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                appointment_type_0 = Appointment.from_dict(data)

                return appointment_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Appointment | None, data)

        appointment = _parse_appointment(d.pop("appointment"))

        def _parse_service_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                service_date_type_0 = datetime.date.fromisoformat(data)

                return service_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        service_date = _parse_service_date(d.pop("service_date"))

        def _parse_arrived_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                arrived_at_type_0 = datetime.datetime.fromisoformat(data)

                return arrived_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        arrived_at = _parse_arrived_at(d.pop("arrived_at"))

        def _parse_arrived_late_minutes(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        arrived_late_minutes = _parse_arrived_late_minutes(
            d.pop("arrived_late_minutes")
        )

        def _parse_receipt_no(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        receipt_no = _parse_receipt_no(d.pop("receipt_no"))

        def _parse_resolution(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        resolution = _parse_resolution(d.pop("resolution"))

        labor_minutes = d.pop("labor_minutes")

        parts = []
        _parts = d.pop("parts")
        for parts_item_data in _parts:
            parts_item = PartOut.from_dict(parts_item_data)

            parts.append(parts_item)

        travel_km = d.pop("travel_km")

        def _parse_completed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                completed_at_type_0 = datetime.datetime.fromisoformat(data)

                return completed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        completed_at = _parse_completed_at(d.pop("completed_at"))

        def _parse_pause(data: object) -> JobPause | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                pause_type_0 = JobPause.from_dict(data)

                return pause_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(JobPause | None, data)

        pause = _parse_pause(d.pop("pause"))

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_topic(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        topic = _parse_topic(d.pop("topic", UNSET))

        window_agreed = d.pop("window_agreed", UNSET)

        def _parse_window_agreed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                window_agreed_at_type_0 = datetime.datetime.fromisoformat(data)

                return window_agreed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        window_agreed_at = _parse_window_agreed_at(d.pop("window_agreed_at", UNSET))

        def _parse_respond_by(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                respond_by_type_0 = datetime.datetime.fromisoformat(data)

                return respond_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        respond_by = _parse_respond_by(d.pop("respond_by", UNSET))

        def _parse_complete_by(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                complete_by_type_0 = datetime.datetime.fromisoformat(data)

                return complete_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        complete_by = _parse_complete_by(d.pop("complete_by", UNSET))

        def _parse_next_clock(data: object) -> DispatchNextClockOut | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                next_clock_type_0 = DispatchNextClockOut.from_dict(data)

                return next_clock_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DispatchNextClockOut | None | Unset, data)

        next_clock = _parse_next_clock(d.pop("next_clock", UNSET))

        def _parse_symptom_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        symptom_code = _parse_symptom_code(d.pop("symptom_code", UNSET))

        def _parse_cause_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        cause_code = _parse_cause_code(d.pop("cause_code", UNSET))

        def _parse_action_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        action_code = _parse_action_code(d.pop("action_code", UNSET))

        def _parse_outcome(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        outcome = _parse_outcome(d.pop("outcome", UNSET))

        job_out = cls(
            id=id,
            ticket_id=ticket_id,
            ticket_number=ticket_number,
            kind=kind,
            region=region,
            category=category,
            description=description,
            customer=customer,
            product=product,
            preferred_window=preferred_window,
            status=status,
            status_reason=status_reason,
            point_id=point_id,
            technician_id=technician_id,
            visit_number=visit_number,
            previous_job_id=previous_job_id,
            rework_reason=rework_reason,
            attempt=attempt,
            offer_expires_at=offer_expires_at,
            routing=routing,
            appointment=appointment,
            service_date=service_date,
            arrived_at=arrived_at,
            arrived_late_minutes=arrived_late_minutes,
            receipt_no=receipt_no,
            resolution=resolution,
            labor_minutes=labor_minutes,
            parts=parts,
            travel_km=travel_km,
            completed_at=completed_at,
            pause=pause,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
            topic=topic,
            window_agreed=window_agreed,
            window_agreed_at=window_agreed_at,
            respond_by=respond_by,
            complete_by=complete_by,
            next_clock=next_clock,
            symptom_code=symptom_code,
            cause_code=cause_code,
            action_code=action_code,
            outcome=outcome,
        )

        job_out.additional_properties = d
        return job_out

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
