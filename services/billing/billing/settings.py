from __future__ import annotations

from pydantic_settings import SettingsConfigDict

from aftersales.settings import ServiceSettings


class BillingSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="BILLING_", extra="ignore")

    service_name: str = "billing"
    port: int = 8003
