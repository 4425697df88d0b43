from __future__ import annotations

from pydantic_settings import SettingsConfigDict

from aftersales.settings import ServiceSettings


class FeedbackSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="FEEDBACK_", extra="ignore")

    service_name: str = "feedback"
    port: int = 8004
