from __future__ import annotations

from pydantic import Field
from pydantic_settings import SettingsConfigDict

from aftersales.settings import ServiceSettings


class DispatchSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="DISPATCH_", extra="ignore")

    service_name: str = "dispatch"
    port: int = 8002

    # Capacity is counted per calendar day at the network's local time.
    business_timezone: str = "Asia/Shanghai"
    # How long a point has to accept or reject an offer before it goes to the next candidate.
    offer_timeout_seconds: float = 30 * 60
    # Phones report late; the arrival SLA fires this long after the appointment window closes
    # (a later on_site report with an earlier `at` is still judged by its `at`).
    arrival_grace_seconds: float = 30 * 60
    # How far in the future a report's `at` may lie (clock skew of phones).
    report_clock_skew_seconds: float = 5 * 60
    # A report reaching dispatch more than this after its `at` is kept with both times; if the
    # money differs by them, billing holds the charge for finance (DISPATCH_LATE_REPORT_MINUTES).
    late_report_minutes: float = Field(default=60, gt=0)
    signature_max_bytes: int = 256 * 1024
    # How often overdue defective-part returns and unshipped parts orders are looked for.
    returns_poll_seconds: float = Field(default=60, gt=0)
    # A paid parts order must leave a warehouse within this (the document: two days).
    parts_order_ship_within_hours: float = Field(default=48, gt=0, le=24 * 30)
    # The days a delivery to the door is promised in when no delivery band covers the way from
    # the warehouse's region to the address's (GET/PUT /v1/delivery-bands).
    delivery_default_days: int = Field(default=3, ge=1, le=60)
    # A rework job (after an unhappy callback) must be answered, i.e. booked, within this.
    rework_respond_within_hours: float = Field(default=4, gt=0, le=744)
    timer_poll_seconds: float = 1.0
    timer_batch: int = 100
