"""Request and response models of dispatch's HTTP API (separate from the tables)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, StrictInt, model_validator

from aftersales.http.models import RequestModel
from dispatch.domain.jobs import JobStatus, Report
from dispatch.domain.scheduling import RescheduleReason

RegionCode = Annotated[str, Field(pattern=r"^\d{6}$", description="administrative region code")]
Category = Annotated[str, Field(min_length=1, max_length=60, pattern=r"^[a-z0-9_\-]+$")]


class PointIn(RequestModel):
    code: str = Field(min_length=1, max_length=40, pattern=r"^[A-Za-z0-9_\-]+$")
    name: str = Field(min_length=1, max_length=200)
    regions: list[RegionCode] = Field(min_length=1, max_length=500)
    categories: list[Category] = Field(min_length=1, max_length=100)
    daily_capacity: int = Field(ge=0, le=10_000)
    is_partner: bool = False


class Patch(RequestModel):
    """A partial change: fields may be left out, not set to null."""

    @model_validator(mode="before")
    @classmethod
    def _no_nulls(cls, data: Any) -> Any:
        if isinstance(data, dict) and any(v is None for v in data.values()):
            raise ValueError("fields may be left out but not set to null")
        return data


class PointPatch(Patch):
    """What may change of a point; its code, grade and version are not for clients to set."""

    name: str | None = Field(default=None, min_length=1, max_length=200)
    regions: list[RegionCode] | None = Field(default=None, min_length=1, max_length=500)
    categories: list[Category] | None = Field(default=None, min_length=1, max_length=100)
    daily_capacity: int | None = Field(default=None, ge=0, le=10_000)
    is_partner: bool | None = None
    active: bool | None = None


class PointOut(BaseModel):
    id: uuid.UUID
    code: str
    name: str
    regions: list[str]
    categories: list[str]
    daily_capacity: int
    is_partner: bool
    grade: str | None
    grade_month: str | None
    active: bool
    version: int
    created_at: datetime
    updated_at: datetime


class CapacityOverrideIn(RequestModel):
    starts_on: date
    ends_on: date
    daily_capacity: int = Field(
        ge=0,
        le=10_000,
        description="a point may only lower its capacity (at most the point's daily_capacity; "
        "403 above it); admins and agents set any",
    )
    reason: str = Field(min_length=1, max_length=500)


class CapacityOverrideOut(BaseModel):
    id: uuid.UUID
    point_id: uuid.UUID
    starts_on: date
    ends_on: date
    daily_capacity: int
    reason: str
    made_by: Literal["operator", "point"] = Field(
        description="who set it: a point removes only the overrides it made"
    )
    created_at: datetime


class CapacityOverrides(BaseModel):
    items: list[CapacityOverrideOut]


class CalendarDayOut(BaseModel):
    day: date
    capacity: int
    booked: int
    overridden: bool


class CapacityCalendar(BaseModel):
    point_id: uuid.UUID
    days: list[CalendarDayOut]


class TechnicianIn(RequestModel):
    name: str = Field(min_length=1, max_length=200)
    phone: str = Field(min_length=5, max_length=40)
    skills: list[Category] = Field(min_length=1, max_length=100)


class TechnicianPatch(Patch):
    """Dismissal comes only from feedback's discipline; a point may (de)activate."""

    name: str | None = Field(default=None, min_length=1, max_length=200)
    phone: str | None = Field(default=None, min_length=5, max_length=40)
    skills: list[Category] | None = Field(default=None, min_length=1, max_length=100)
    active: bool | None = None


class TechnicianOut(BaseModel):
    id: uuid.UUID
    point_id: uuid.UUID
    name: str
    phone: str
    skills: list[str]
    status: Literal["active", "inactive", "dismissed"]
    status_reason: str | None
    version: int
    created_at: datetime
    updated_at: datetime


class WindowIn(RequestModel):
    start: AwareDatetime
    end: AwareDatetime


class Appointment(BaseModel):
    start: datetime
    end: datetime


class RouteIn(RequestModel):
    point_id: uuid.UUID | None = Field(
        default=None, description="offer to this point; leave out to route automatically again"
    )
    note: str | None = Field(default=None, max_length=500)


class RejectIn(RequestModel):
    reason: str = Field(min_length=1, max_length=500)


class PauseIn(RequestModel):
    reason: Literal["awaiting_customer", "awaiting_parts", "other"]
    note: str | None = Field(default=None, max_length=1000)


class JobPause(BaseModel):
    reason: str
    since: datetime


class AssignIn(RequestModel):
    technician_id: uuid.UUID
    appointment: WindowIn
    reason_code: RescheduleReason | None = Field(
        default=None,
        description="why a visit moves (a reschedule): the customer is told the code's wording",
    )
    reason: str | None = Field(
        default=None,
        min_length=1,
        max_length=500,
        description="the point's own note on a reschedule: kept inside, never sent to the"
        " customer (a reschedule with a note and no reason_code is 'other')",
    )


class SignatureIn(RequestModel):
    image_base64: str | None = Field(default=None, description="PNG, JPEG or WebP, base64")
    reference: str | None = Field(
        default=None, min_length=1, max_length=500, description="where the image is kept"
    )
    signer_name: str | None = Field(default=None, max_length=200)


class PartIn(RequestModel):
    sku: str = Field(min_length=1, max_length=60)
    qty: int = Field(ge=1, le=1000)
    source: Literal["stock", "customer"] = Field(
        default="stock",
        description="stock: issued from the point's stock; customer: the customer supplied it",
    )


class ExclusionIn(RequestModel):
    reason: Literal["misuse", "consumable", "not_covered"]
    note: str = Field(min_length=1, max_length=2000)
    photo_ref: str | None = Field(default=None, max_length=500, description="a photo's reference")


class DelayCauseIn(RequestModel):
    cause: Literal["customer", "force_majeure"]
    note: str = Field(min_length=1, max_length=2000)


class StatusReportIn(RequestModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "status": "resolved_on_site",
                    "at": "2026-12-04T10:40:00+08:00",
                    "labor_minutes": 45,
                    "parts": [{"sku": "FAN-2", "qty": 1}],
                    "travel_km": 6,
                    "signature": {"reference": "app://signatures/7f3a"},
                    "symptom_code": "NO_COOLING",
                }
            ]
        }
    )

    status: Report
    at: AwareDatetime = Field(description="when it happened (may be earlier than the report)")
    note: str | None = Field(default=None, max_length=2000)
    signature: SignatureIn | None = None
    labor_minutes: int | None = Field(default=None, ge=0, le=10_000)
    parts: list[PartIn] | None = Field(default=None, max_length=100)
    travel_km: int | None = Field(default=None, ge=0, le=5_000)
    symptom_code: str | None = Field(default=None, max_length=40, description="GET /v1/fault-codes")
    cause_code: str | None = Field(default=None, max_length=40)
    action_code: str | None = Field(default=None, max_length=40)
    outcome: Literal["fixed", "no_fault_found", "misuse"] | None = Field(
        default=None, description="with resolved_on_site or repaired; fixed when left out"
    )
    passed: bool | None = Field(
        default=None, description="with inspected: false (and a note) sends it back to the bench"
    )
    exclusion: ExclusionIn | None = Field(
        default=None,
        description="with resolved_on_site or repaired: the warranty does not cover it "
        "(billing charges the job as class A with this reason; finance may overturn it)",
    )
    delay_cause: DelayCauseIn | None = Field(
        default=None,
        description="with on_site, resolved_on_site or repaired: a late arrival not the "
        "point's fault (finance may waive the late compensation)",
    )


class PartOut(BaseModel):
    sku: str
    qty: int


class JobOut(BaseModel):
    id: uuid.UUID
    ticket_id: uuid.UUID
    ticket_number: str
    kind: str
    region: str
    category: str
    description: str
    customer: dict[str, Any] = Field(
        description="who and where; to a point, technician or app only the district (region, "
        "city) until the point accepts the job"
    )
    product: dict[str, Any]
    preferred_window: Appointment | None
    status: JobStatus
    status_reason: str | None
    point_id: uuid.UUID | None
    technician_id: uuid.UUID | None
    visit_number: int
    previous_job_id: uuid.UUID | None
    rework_reason: str | None
    attempt: int
    offer_expires_at: datetime | None
    routing: dict[str, Any] | None = Field(description="the candidates and why the winner won")
    appointment: Appointment | None
    service_date: date | None
    arrived_at: datetime | None
    arrived_late_minutes: int | None
    receipt_no: str | None
    resolution: str | None
    labor_minutes: int
    parts: list[PartOut]
    travel_km: int
    completed_at: datetime | None
    symptom_code: str | None = None
    cause_code: str | None = None
    action_code: str | None = None
    outcome: str | None = None
    pause: JobPause | None = Field(description="set while the job's SLA clocks are paused")
    version: int
    created_at: datetime
    updated_at: datetime


class OfferOut(BaseModel):
    point_id: uuid.UUID
    attempt: int
    offered_at: datetime
    expires_at: datetime
    outcome: str
    reason: str | None
    decided_at: datetime | None
    why: str | None = Field(description="why the point was chosen (the network's staff only)")


class HistoryEntry(BaseModel):
    action: str
    status: str
    previous_status: str | None
    at: datetime
    recorded_at: datetime
    actor: str
    note: str | None
    details: dict[str, Any] | None


class JobHistory(BaseModel):
    job_id: uuid.UUID
    offers: list[OfferOut]
    entries: list[HistoryEntry]


class WorkshopLogEntry(BaseModel):
    receipt_no: str
    direction: Literal["in", "out"]
    at: datetime
    actor: str


class RepairCardOut(BaseModel):
    job_id: uuid.UUID
    receipt_no: str
    receipt_status: Literal["issued", "voided"]
    received_at: datetime
    repaired_at: datetime | None
    labor_minutes: int
    parts: list[PartOut]
    inspected_at: datetime | None
    inspected_by: str | None
    returned_at: datetime | None
    receipt_voided_at: datetime | None
    failed_inspections: list[dict[str, Any]] = Field(
        default_factory=list, description="each failed inspection: at, by, reason"
    )
    symptom_code: str | None = None
    cause_code: str | None = None
    action_code: str | None = None
    outcome: str | None = None
    log: list[WorkshopLogEntry]


class SlaTimerOut(BaseModel):
    kind: str
    due_at: datetime
    state: str
    settled_at: datetime | None


class SlaTimers(BaseModel):
    job_id: uuid.UUID
    timers: list[SlaTimerOut]


class WorkshopItem(BaseModel):
    job_id: uuid.UUID
    ticket_number: str
    receipt_no: str
    model: str | None
    serial_no: str | None
    status: Literal["in", "out"]
    received_at: datetime
    returned_at: datetime | None
    age_days: int = Field(description="days in the workshop (until returned, or until now)")
    failed_inspections: int


class WorkshopRegister(BaseModel):
    point_id: uuid.UUID
    items: list[WorkshopItem]


SKU = r"^[A-Z0-9][A-Z0-9_\-.]{0,39}$"


class PartMasterIn(RequestModel):
    sku: str = Field(pattern=SKU, description="upper-case letters, digits, _ - .")
    name: str = Field(min_length=1, max_length=200)
    categories: list[str] = Field(min_length=1, max_length=50)
    unit: str = Field(min_length=1, max_length=20, description="pcs, m, kg ...")
    models: list[str] = Field(default_factory=list, max_length=500)
    standard_cost: StrictInt | None = Field(default=None, ge=0, le=100_000_000_00)
    return_required: bool = False
    return_within_days: int = Field(default=30, ge=1, le=365)


class PartMasterPatch(RequestModel):
    """Fields left out stay as they are. ``finance`` may set only ``standard_cost``."""

    name: str | None = Field(default=None, min_length=1, max_length=200)
    categories: list[str] | None = Field(default=None, min_length=1, max_length=50)
    unit: str | None = Field(default=None, min_length=1, max_length=20)
    models: list[str] | None = Field(default=None, max_length=500)
    standard_cost: StrictInt | None = Field(default=None, ge=0, le=100_000_000_00)
    return_required: bool | None = None
    return_within_days: int | None = Field(default=None, ge=1, le=365)


class PartMasterOut(BaseModel):
    sku: str
    name: str
    categories: list[str]
    models: list[str]
    unit: str
    standard_cost: int | None
    return_required: bool
    return_within_days: int
    version: int


class WarehouseIn(RequestModel):
    code: str = Field(min_length=1, max_length=40, pattern=r"^[A-Za-z0-9_\-]+$")
    name: str = Field(min_length=1, max_length=200)
    region: str | None = Field(default=None, pattern=r"^\d{6}$")


class WarehouseOut(BaseModel):
    id: uuid.UUID
    code: str
    name: str
    region: str | None


class StockLineIn(RequestModel):
    sku: str = Field(pattern=SKU)
    qty: StrictInt = Field(ge=1, le=1_000_000)


class ReceiptIn(RequestModel):
    location_id: uuid.UUID
    lines: list[StockLineIn] = Field(min_length=1, max_length=200)
    reference: str | None = Field(default=None, max_length=200)


class TransferIn(RequestModel):
    from_location_id: uuid.UUID
    to_location_id: uuid.UUID
    lines: list[StockLineIn] = Field(min_length=1, max_length=200)


class AdjustmentIn(RequestModel):
    location_id: uuid.UUID
    sku: str = Field(pattern=SKU)
    qty: StrictInt = Field(ge=-1_000_000, le=1_000_000, description="signed; not zero")
    reason: str = Field(min_length=1, max_length=1000)


class ReorderLevelsIn(RequestModel):
    location_id: uuid.UUID
    levels: dict[str, Annotated[int, Field(ge=0, le=1_000_000)] | None] = Field(
        min_length=1, max_length=500, description="SKU → level; null removes it"
    )


class StockLevelOut(BaseModel):
    location_id: uuid.UUID
    sku: str
    on_hand: int
    reserved: int
    in_transit: int
    shortfall: int = Field(description="parts used on jobs beyond what the books showed")
    reorder_level: int | None
    below_reorder: bool


class MovementOut(BaseModel):
    id: uuid.UUID
    location_id: uuid.UUID
    sku: str
    kind: str
    qty: int = Field(description="signed: its effect on hand")
    on_hand_after: int
    shortfall_after: int
    reference: str | None
    reason: str | None
    job_id: uuid.UUID | None
    counterpart_id: uuid.UUID | None
    actor: str
    at: datetime


class RequisitionIn(RequestModel):
    lines: list[StockLineIn] = Field(min_length=1, max_length=200)
    urgent: bool = False
    job_id: uuid.UUID | None = Field(default=None, description="the job waiting for these parts")
    point_id: uuid.UUID | None = Field(
        default=None, description="the centre asking on a point's behalf (a point: its own)"
    )


class RequisitionLinesIn(RequestModel):
    lines: list[StockLineIn] = Field(min_length=1, max_length=200)


class ApproveLineIn(RequestModel):
    sku: str = Field(pattern=SKU)
    qty: StrictInt = Field(ge=0, le=1_000_000)


class ApproveIn(RequestModel):
    lines: list[ApproveLineIn] = Field(min_length=1, max_length=200)


class ReceiveIn(RequestModel):
    lines: list[ApproveLineIn] = Field(min_length=1, max_length=200)


class ShipIn(RequestModel):
    from_location_id: uuid.UUID
    carrier: str = Field(min_length=1, max_length=100)
    tracking_no: str = Field(min_length=1, max_length=100)


class RequisitionLineOut(BaseModel):
    sku: str
    requested: int
    approved: int | None = None
    shipped: int | None = None
    received: int | None = None


class RequisitionOut(BaseModel):
    id: uuid.UUID
    point_id: uuid.UUID
    job_id: uuid.UUID | None
    urgent: bool
    status: str
    lines: list[RequisitionLineOut]
    from_location_id: uuid.UUID | None
    carrier: str | None
    tracking_no: str | None
    reason: str | None
    requested_by: str
    version: int
    created_at: datetime
    updated_at: datetime


class ReturnShipIn(RequestModel):
    carrier: str | None = Field(default=None, max_length=100)
    tracking_no: str | None = Field(default=None, max_length=100)


class ReturnReceiveIn(RequestModel):
    condition: Literal["as_reported", "not_defective", "wrong_part", "damaged"]


class PartReturnOut(BaseModel):
    id: uuid.UUID
    job_id: uuid.UUID
    ticket_id: uuid.UUID
    point_id: uuid.UUID
    sku: str
    qty: int
    service_class: str
    status: str
    due_at: datetime
    overdue: bool
    carrier: str | None
    tracking_no: str | None
    shipped_at: datetime | None
    received_at: datetime | None
    condition: str | None
    version: int


class OrderLineOut(BaseModel):
    sku: str
    qty: int


class PartsOrderOut(BaseModel):
    """A customer's paid parts order at the warehouse; ``id`` is its ticket's id."""

    id: uuid.UUID
    number: str | None = Field(description="the ticket's number")
    status: Literal["awaiting_payment", "paid", "shipped", "delivered", "cancelled"]
    lines: list[OrderLineOut]
    customer: dict | None = Field(description="name and phone, for the carrier")
    ship_to: dict | None = Field(description="region, city, line")
    paid_at: datetime | None
    ship_by: datetime | None = Field(description="paid + DISPATCH_PARTS_ORDER_SHIP_WITHIN_HOURS")
    overdue: bool = Field(description="paid, not shipped, past ship_by")
    from_location_id: uuid.UUID | None
    carrier: str | None
    tracking_no: str | None
    shipped_at: datetime | None
    delivered_at: datetime | None
    version: int


class StockValueRow(BaseModel):
    location_id: uuid.UUID
    code: str | None = Field(description="the warehouse's or the point's code")
    kind: Literal["warehouse", "point"]
    units: int
    value: int = Field(description="fen, on hand at the parts' standard cost")
    uncosted_skus: int = Field(description="SKUs on hand without a standard cost (valued at 0)")


class ConsumptionRow(BaseModel):
    point_id: uuid.UUID
    sku: str
    service_class: str = Field(description="A, B, C, D, or unknown until the job is charged")
    qty: int
    value: int = Field(description="fen, at the parts' standard cost")


class SlowMoverRow(BaseModel):
    location_id: uuid.UUID
    sku: str
    on_hand: int
    value: int
    last_out_at: datetime | None = Field(description="last issued or transferred out; null: never")


class PointOwesRow(BaseModel):
    point_id: uuid.UUID
    code: str | None
    shortfall_units: int
    shortfall_value: int = Field(description="fen, at the parts' standard cost")
    returns_outstanding: int
    returns_overdue: int


class BatchReportIn(StatusReportIn):
    """One queued report of a batch: the single report's fields, its job and its key."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "job_id": "9c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5",
                    "idempotency_key": "phone-17-0003",
                    "status": "resolved_on_site",
                    "at": "2026-12-04T10:40:00+08:00",
                    "labor_minutes": 45,
                    "signature": {"reference": "app://signatures/7f3a"},
                }
            ]
        }
    )

    job_id: uuid.UUID
    idempotency_key: str = Field(
        min_length=1,
        max_length=255,
        pattern=r"^[\x21-\x7e]([\x20-\x7e]*[\x21-\x7e])?$",
        description="the key the report was (or would have been) sent alone with",
    )


class StatusBatchIn(RequestModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "reports": [
                        {
                            "job_id": "9c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5",
                            "idempotency_key": "phone-17-0001",
                            "status": "en_route",
                            "at": "2026-12-04T09:05:00+08:00",
                        },
                        {
                            "job_id": "9c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5",
                            "idempotency_key": "phone-17-0002",
                            "status": "on_site",
                            "at": "2026-12-04T09:40:00+08:00",
                            "travel_km": 6,
                        },
                    ]
                }
            ]
        }
    )

    reports: list[BatchReportIn] = Field(min_length=1, max_length=100)


class BatchResult(BaseModel):
    job_id: uuid.UUID
    idempotency_key: str
    outcome: Literal["applied", "already_applied", "refused"]
    problem: dict[str, Any] | None = None


class StatusBatchOut(BaseModel):
    results: list[BatchResult]


class PreviousVisit(BaseModel):
    job_id: uuid.UUID
    visit_number: int
    status: str
    technician_id: uuid.UUID | None
    completed_at: datetime | None
    resolution: str | None
    outcome: str | None
    cause_code: str | None


class MyJobOut(BaseModel):
    job: JobOut
    previous_visits: list[PreviousVisit]
    repair_card: RepairCardOut | None


class MyDayOut(BaseModel):
    technician_id: uuid.UUID
    date: date
    items: list[MyJobOut]
