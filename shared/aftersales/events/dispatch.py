"""Events published by dispatch on the DISPATCH stream."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import ClassVar, Literal

from aftersales.events.base import Contract, EventData, Open, PartsLine, Window

JobStatus = Open[
    Literal[
        "unrouted",
        "offered",
        "accepted",
        "scheduled",
        "en_route",
        "on_site",
        "awaiting_parts",
        "in_workshop",
        "repaired",
        "inspected",
        "completed",
        "cancelled",
    ]
]
Resolution = Open[Literal["on_site", "workshop"]]
ReportOutcome = Open[Literal["fixed", "no_fault_found", "misuse"]]
PauseReason = Open[Literal["awaiting_customer", "awaiting_parts", "other"]]
RescheduleReason = Open[
    Literal["customer_request", "technician_unavailable", "parts_delayed", "weather", "other"]
]
RequisitionStatus = Open[
    Literal["requested", "approved", "shipped", "received", "rejected", "cancelled"]
]


class OfferedProduct(Contract):
    category: str
    model: str
    serial_no: str
    in_warranty: bool


class JobRouted(EventData):
    """The offer, with what a point needs to decide without calling back: the job, the
    customer's window, the region, the product and the accept-by time (``offer_expires_at``).
    ``why`` is the routing's reason, for staff: it names the other candidates.
    ``own_why`` is the chosen point's own reason, naming no other point: what leaves the
    information centre for anyone else."""

    SUBJECT: ClassVar[str] = "dispatch.job.routed.v2"
    AGGREGATE: ClassVar[str] = "job"

    job_id: uuid.UUID
    ticket_id: uuid.UUID
    point_id: uuid.UUID
    attempt: int
    why: str
    offer_expires_at: datetime
    ticket_number: str
    kind: str
    region: str
    product: OfferedProduct
    window: Window | None = None
    description: str = ""
    own_why: str | None = None
    # The window was agreed with the customer by the centre: the booking must lie inside it.
    window_agreed: bool | None = None
    # What a training or a sample test is about (a ticket without a product: ``product`` then
    # carries the category, and an empty model and serial number).
    topic: str | None = None


class JobUnrouted(EventData):
    SUBJECT: ClassVar[str] = "dispatch.job.unrouted.v1"
    AGGREGATE: ClassVar[str] = "job"

    job_id: uuid.UUID
    ticket_id: uuid.UUID
    reason: str


class JobOfferDeclined(EventData):
    """A point said no to an offer, or let it expire; the job moves on to the next candidate."""

    SUBJECT: ClassVar[str] = "dispatch.job.offer_declined.v1"
    AGGREGATE: ClassVar[str] = "job"

    job_id: uuid.UUID
    ticket_id: uuid.UUID
    point_id: uuid.UUID
    attempt: int
    expired: bool
    reason: str
    declined_at: datetime


class JobAccepted(EventData):
    SUBJECT: ClassVar[str] = "dispatch.job.accepted.v1"
    AGGREGATE: ClassVar[str] = "job"

    job_id: uuid.UUID
    ticket_id: uuid.UUID
    point_id: uuid.UUID
    accepted_at: datetime


class JobScheduled(EventData):
    SUBJECT: ClassVar[str] = "dispatch.job.scheduled.v1"
    AGGREGATE: ClassVar[str] = "job"

    job_id: uuid.UUID
    ticket_id: uuid.UUID
    point_id: uuid.UUID
    technician_id: uuid.UUID
    appointment: Window
    # Internal: the point's own words. The customer is told the code's wording only.
    rescheduled_reason: str | None = None
    rescheduled_reason_code: RescheduleReason | None = None


class JobStatusChanged(EventData):
    """Every change of a job's status (``awaiting_parts``: waiting for a requisition)."""

    SUBJECT: ClassVar[str] = "dispatch.job.status_changed.v2"
    AGGREGATE: ClassVar[str] = "job"

    job_id: uuid.UUID
    ticket_id: uuid.UUID
    point_id: uuid.UUID | None = None
    technician_id: uuid.UUID | None = None
    status: JobStatus
    previous_status: JobStatus
    at: datetime
    note: str | None = None
    receipt_no: str | None = None


class PartUsed(Contract):
    sku: str
    qty: int
    # Whether the parts master lists the part for the unit's model (None: the part or the
    # model is unknown, or the part fits any model). Billing flags a part not on the model.
    on_model: bool | None = None


class ClaimedExclusion(Contract):
    """The technician's claim that the warranty does not cover the job."""

    reason: Open[Literal["misuse", "consumable", "not_covered"]]
    note: str
    photo_ref: str | None = None


class DelayCause(Contract):
    """Why the point says it arrived after the window: not its fault."""

    cause: Open[Literal["customer", "force_majeure"]]
    note: str


class ReceivedTimes(Contract):
    """When the reports that carry money reached dispatch, for a job reported late (more than
    ``DISPATCH_LATE_REPORT_MINUTES`` after its ``at``): the arrival and the completion as the
    company first heard of them, and how late the arrival was by them."""

    arrived_at: datetime | None = None
    arrived_late_minutes: int = 0
    completed_at: datetime
    reported_late_by_minutes: int


class JobCompleted(EventData):
    """The work is done: what was spent (labour, parts, travel), how late the arrival was,
    what was found and done (fault codes and outcome), which unit it was (model, serial: its
    batch), and the warranty exclusion the technician claims and the cause the point gives for
    a late arrival (billing acts on both)."""

    SUBJECT: ClassVar[str] = "dispatch.job.completed.v3"
    AGGREGATE: ClassVar[str] = "job"

    job_id: uuid.UUID
    ticket_id: uuid.UUID
    point_id: uuid.UUID
    technician_id: uuid.UUID
    resolution: Resolution
    labor_minutes: int
    parts: list[PartUsed]
    travel_km: int
    visit_number: int
    arrived_late_minutes: int
    completed_at: datetime
    category: str
    model: str | None = None
    serial_no: str | None = None
    outcome: ReportOutcome = "fixed"
    symptom_code: str | None = None
    cause_code: str | None = None
    action_code: str | None = None
    exclusion: ClaimedExclusion | None = None
    delay_cause: DelayCause | None = None
    received: ReceivedTimes | None = None


class PointRegistered(EventData):
    """A network point joined the network (other services learn, e.g., if it is a partner)."""

    SUBJECT: ClassVar[str] = "dispatch.point.registered.v1"
    AGGREGATE: ClassVar[str] = "point"

    point_id: uuid.UUID
    code: str
    name: str
    is_partner: bool
    regions: list[str]
    categories: list[str]
    active: bool
    at: datetime


class PointUpdated(PointRegistered):
    SUBJECT: ClassVar[str] = "dispatch.point.updated.v1"


class SlaBreached(EventData):
    SUBJECT: ClassVar[str] = "dispatch.sla.breached.v1"
    AGGREGATE: ClassVar[str] = "job"

    ticket_id: uuid.UUID
    job_id: uuid.UUID | None = None
    point_id: uuid.UUID | None = None
    sla: Open[Literal["respond", "accept", "arrival", "completion"]]
    due_at: datetime
    breached_at: datetime


class JobPaused(EventData):
    """The point paused the job's clocks (awaiting the customer, or parts); intake pauses the
    ticket's with them."""

    SUBJECT: ClassVar[str] = "dispatch.job.paused.v1"
    AGGREGATE: ClassVar[str] = "job"

    job_id: uuid.UUID
    ticket_id: uuid.UUID
    point_id: uuid.UUID | None = None
    reason: PauseReason
    note: str | None = None
    paused_by: str
    paused_at: datetime


class JobResumed(EventData):
    SUBJECT: ClassVar[str] = "dispatch.job.resumed.v1"
    AGGREGATE: ClassVar[str] = "job"

    job_id: uuid.UUID
    ticket_id: uuid.UUID
    point_id: uuid.UUID | None = None
    resumed_by: str
    paused_at: datetime
    resumed_at: datetime


class StockBelowReorder(EventData):
    """A location's stock of a SKU fell below its reorder level (once per crossing)."""

    SUBJECT: ClassVar[str] = "dispatch.stock.below_reorder.v1"
    AGGREGATE: ClassVar[str] = "stock"

    location_id: uuid.UUID
    sku: str
    on_hand: int
    reorder_level: int
    at: datetime


class RequisitionLine(Contract):
    sku: str
    requested: int
    approved: int | None = None
    shipped: int | None = None
    received: int | None = None


class RequisitionEvent(EventData):
    """A point's parts requisition (零件請購) moved on: one subject per status."""

    AGGREGATE: ClassVar[str] = "requisition"

    requisition_id: uuid.UUID
    point_id: uuid.UUID
    job_id: uuid.UUID | None = None
    ticket_id: uuid.UUID | None = None
    urgent: bool
    status: RequisitionStatus
    lines: list[RequisitionLine]
    carrier: str | None = None
    tracking_no: str | None = None
    reason: str | None = None
    at: datetime


class RequisitionRequested(RequisitionEvent):
    SUBJECT: ClassVar[str] = "dispatch.requisition.requested.v1"


class RequisitionApproved(RequisitionEvent):
    SUBJECT: ClassVar[str] = "dispatch.requisition.approved.v1"


class RequisitionShipped(RequisitionEvent):
    SUBJECT: ClassVar[str] = "dispatch.requisition.shipped.v1"


class RequisitionReceived(RequisitionEvent):
    SUBJECT: ClassVar[str] = "dispatch.requisition.received.v1"


class RequisitionRejected(RequisitionEvent):
    SUBJECT: ClassVar[str] = "dispatch.requisition.rejected.v1"


class RequisitionCancelled(RequisitionEvent):
    SUBJECT: ClassVar[str] = "dispatch.requisition.cancelled.v1"


REQUISITION_EVENTS: dict[str, type[RequisitionEvent]] = {
    "requested": RequisitionRequested,
    "approved": RequisitionApproved,
    "shipped": RequisitionShipped,
    "received": RequisitionReceived,
    "rejected": RequisitionRejected,
    "cancelled": RequisitionCancelled,
}


class PartReturnOverdue(EventData):
    """A defective part replaced under warranty or contract did not come back in time: billing
    deducts its cost from the point's settlement."""

    SUBJECT: ClassVar[str] = "dispatch.part_return.overdue.v1"
    AGGREGATE: ClassVar[str] = "part_return"

    return_id: uuid.UUID
    job_id: uuid.UUID
    ticket_id: uuid.UUID
    point_id: uuid.UUID
    sku: str
    qty: int
    standard_cost: int | None = None  # per unit, in fen, from the parts master
    due_at: datetime
    noticed_at: datetime


PartsOrderLine = PartsLine


class PartsOrderEvent(EventData):
    """A customer's paid parts order moved on at the warehouse: one subject per step."""

    AGGREGATE: ClassVar[str] = "parts_order"

    ticket_id: uuid.UUID
    number: str | None = None
    lines: list[PartsOrderLine]
    ship_by: datetime
    from_location_id: uuid.UUID | None = None
    carrier: str | None = None
    tracking_no: str | None = None
    at: datetime
    # The arrival date promised to the customer, by the distance from the shipping warehouse's
    # region to the address (delivery bands); each day of delay past it without an outside
    # cause is compensated.
    promised_by: date | None = None


class PartsOrderShipped(PartsOrderEvent):
    SUBJECT: ClassVar[str] = "dispatch.parts_order.shipped.v1"

    on_time: bool


class PartsOrderDelivered(PartsOrderEvent):
    SUBJECT: ClassVar[str] = "dispatch.parts_order.delivered.v1"

    # The day it arrived, at the network's local time (``DISPATCH_BUSINESS_TIMEZONE``), and the
    # calendar days that is past ``promised_by`` (0 on time): what the delay compensation counts.
    delivered_on: date | None = None
    days_late: int | None = None


class PartsOrderShipOverdue(PartsOrderEvent):
    """Paid and not shipped by its deadline (the customer must be told at once): published
    once."""

    SUBJECT: ClassVar[str] = "dispatch.parts_order.ship_overdue.v1"
