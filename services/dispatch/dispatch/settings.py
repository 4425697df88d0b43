from __future__ import annotations

from pydantic_settings import SettingsConfigDict

from aftersales.settings import ServiceSettings


class DispatchSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="DISPATCH_", extra="ignore")

    service_name: str = "dispatch"
    port: int = 8002
