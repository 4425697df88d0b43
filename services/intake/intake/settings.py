from __future__ import annotations

from pydantic_settings import SettingsConfigDict

from aftersales.settings import ServiceSettings


class IntakeSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="INTAKE_", extra="ignore")

    service_name: str = "intake"
    port: int = 8001
    respond_within_hours: int = 4
    complaint_respond_within_hours: int = 24
