from __future__ import annotations

from pydantic import Field
from pydantic_settings import SettingsConfigDict

from aftersales.settings import ServiceSettings

DEFAULT_THRESHOLDS = {
    "A": {
        "min_satisfaction": 0.95,
        "min_first_visit_fix": 0.90,
        "min_sla_compliance": 0.95,
        "max_complaints_per_100": 1,
    },
    "B": {
        "min_satisfaction": 0.85,
        "min_first_visit_fix": 0.80,
        "min_sla_compliance": 0.90,
        "max_complaints_per_100": 3,
    },
    "C": {
        "min_satisfaction": 0.70,
        "min_first_visit_fix": 0.65,
        "min_sla_compliance": 0.80,
        "max_complaints_per_100": 6,
    },
}


class FeedbackSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="FEEDBACK_", extra="ignore")

    service_name: str = "feedback"
    port: int = 8004

    business_timezone: str = "Asia/Shanghai"
    callback_within_hours: float = 48
    callback_max_attempts: int = 3
    complaint_reply_within_hours: float = 24
    complaint_resolve_within_days: float = 30
    strike_window_days: int = 365
    grading_thresholds: dict[str, dict[str, float]] = Field(
        default_factory=lambda: {k: dict(v) for k, v in DEFAULT_THRESHOLDS.items()}
    )
    watch_poll_seconds: float = 30.0
