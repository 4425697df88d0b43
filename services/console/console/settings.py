"""The console's settings (``CONSOLE_`` prefix)."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class ConsoleSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="CONSOLE_", extra="ignore")

    port: int = 8005
    environment: str = Field(default="development", validation_alias="AFTERSALES_ENVIRONMENT")
    database_url: str = "postgresql+asyncpg://console@127.0.0.1:5432/aftersales"
    # The four services, as the console reaches them (in a cluster: their Services).
    intake_url: str = "http://127.0.0.1:8001"
    dispatch_url: str = "http://127.0.0.1:8002"
    billing_url: str = "http://127.0.0.1:8003"
    feedback_url: str = "http://127.0.0.1:8004"
    # Encrypts the tokens the sessions keep (Fernet, 32 url-safe base64 bytes); required in
    # production, derived from the stack's secret under `make run`.
    session_key: str = ""
    # The session cookie is Secure unless the console is served on plain http (`make run`).
    cookie_secure: bool = True
    # A session unused this long is over; the person signs in again and returns to the page.
    idle_timeout_minutes: int = Field(default=30, ge=1, le=24 * 60)
    # Calls to a service give up after this long; the page says which part is unavailable.
    service_timeout_seconds: float = Field(default=5.0, gt=0)
    default_language: str = "zh_CN"
    # Production sign-in: OpenID Connect (authorization code with PKCE) against the company's
    # identity provider; under `make run` a one-time link signs in (`aftersales console-link`).
    oidc_issuer: str = ""
    oidc_client_id: str = ""
    oidc_client_secret: str = ""
    # Where the provider sends the person back: the console's public address of
    # /console/oidc/callback (registered with the provider).
    oidc_redirect_url: str = ""
    oidc_scopes: str = "openid profile"
    # The ID token's claims that give the role and the scope (the same values the services'
    # tokens carry: the access token the provider issues is what the console calls them with).
    oidc_role_claim: str = "aftersales_role"
    oidc_point_claim: str = "point_id"
    oidc_tenant_claim: str = "tenant_id"

    @property
    def oidc_enabled(self) -> bool:
        return bool(self.oidc_issuer and self.oidc_client_id)

    log_level: str = "INFO"

    def service_urls(self) -> dict[str, str]:
        return {
            "intake": self.intake_url,
            "dispatch": self.dispatch_url,
            "billing": self.billing_url,
            "feedback": self.feedback_url,
        }
