"""The configurable rules the use cases apply, made once from the service's settings
(``DEFINITION.policy``) and passed to whatever applies them: routes take it as a dependency
(``api/deps.py``), consumers have it bound into their handlers (``consumers.py``), the
background loops read it from ``app.state.policy``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from zoneinfo import ZoneInfo

from dispatch.settings import DispatchSettings


@dataclass(frozen=True)
class DispatchPolicy:
    tz: ZoneInfo
    offer_timeout: timedelta
    arrival_grace: timedelta
    clock_skew: timedelta
    signature_max_bytes: int
    rework_respond_within: timedelta
    parts_order_ship_within: timedelta = timedelta(hours=48)
    late_report: timedelta = timedelta(hours=1)
    delivery_default_days: int = 3

    @classmethod
    def from_settings(cls, s: DispatchSettings) -> DispatchPolicy:
        return cls(
            tz=ZoneInfo(s.business_timezone),
            offer_timeout=timedelta(seconds=s.offer_timeout_seconds),
            arrival_grace=timedelta(seconds=s.arrival_grace_seconds),
            clock_skew=timedelta(seconds=s.report_clock_skew_seconds),
            signature_max_bytes=s.signature_max_bytes,
            rework_respond_within=timedelta(hours=s.rework_respond_within_hours),
            parts_order_ship_within=timedelta(hours=s.parts_order_ship_within_hours),
            late_report=timedelta(minutes=s.late_report_minutes),
            delivery_default_days=s.delivery_default_days,
        )
