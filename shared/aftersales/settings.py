"""Service settings: one pydantic-settings class per service with its own env prefix.

A field not set under the service's prefix (``INTAKE_DATABASE_URL``) falls back to the
platform-wide ``AFTERSALES_`` prefix (``AFTERSALES_NATS_URL``), so operators set shared values
once and override per service only where they differ.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field, model_validator
from pydantic_settings import (
    BaseSettings,
    EnvSettingsSource,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
)

DEV_SECRET_MARKER = "dev-insecure-"

# The shortest HS* secret production accepts (RFC 7518 §3.2: a key at least as long as the
# hash, 256 bits for HS256).
MIN_JWT_SECRET_BYTES = 32

# Secrets that have been printed somewhere (this repository's compose file, docs, tests and
# benchmarks, and the usual placeholders): anyone can read them, so production refuses them
# whatever their length. Compared without case and surrounding blanks.
KNOWN_JWT_SECRETS = frozenset(
    s.lower()
    for s in (
        DEV_SECRET_MARKER + "change-me",
        "change-me-to-a-long-random-secret-please",  # deploy/docker-compose.yml until issue 28
        "a-real-secret-from-the-vault",  # shared/tests/unit/test_settings.py
        "test-secret-" + "x" * 32,  # aftersales_testing.plugin.TEST_JWT_SECRET
        "unit-test-secret-" + "y" * 32,  # shared/tests/unit
        "cli-secret-" + "c" * 32,  # shared/tests/integration/test_cli.py
        "bench-secret-" + "b" * 32,  # bench/
        "whatever-secret-value-long-enough",  # shared/tests/unit/test_auth.py
        "change-me",
        "changeme",
        "change-it",
        "changeit",
        "secret",
        "your-secret",
        "your-secret-key",
        "your-256-bit-secret",  # jwt.io's example
        "supersecret",
        "super-secret",
        "jwt-secret",
        "jwt_secret",
        "password",
    )
)


def weak_jwt_secret(secret: str) -> str | None:
    """Why ``secret`` must not sign production tokens, or None. Names the rule, never the
    secret (the answer ends up in logs)."""
    if secret.startswith(DEV_SECRET_MARKER):
        return (
            f"the JWT secret is the development JWT secret (it starts with {DEV_SECRET_MARKER!r})"
        )
    if len(secret.encode()) < MIN_JWT_SECRET_BYTES:
        return f"the JWT secret is shorter than {MIN_JWT_SECRET_BYTES} bytes"
    if secret.strip().lower() in KNOWN_JWT_SECRETS:
        return "the JWT secret is a published example (on the list of known secrets)"
    most = max(secret.count(c) for c in set(secret))
    if most * 2 >= len(secret):
        return "the JWT secret is mostly one repeated character"
    return None


class Limit(BaseModel):
    """A rate limit, per role or per role and route class (see ``aftersales.http.ratelimit``)."""

    rate: float = Field(gt=0, description="requests per second, sustained")
    burst: int = Field(ge=1, description="requests allowed at once")

    @property
    def interval(self) -> float:
        return 1.0 / self.rate

    @property
    def window(self) -> float:
        """The seconds a full burst takes to earn back."""
        return self.burst * self.interval


class ServiceSettings(BaseSettings):
    # Settings hold secrets: a refusal names the field and the rule, never the values given.
    model_config = SettingsConfigDict(
        env_prefix="AFTERSALES_", extra="ignore", hide_input_in_errors=True
    )

    service_name: str = "aftersales"
    environment: Literal["development", "test", "production"] = "development"
    database_url: str = "postgresql+asyncpg://postgres@127.0.0.1:5432/aftersales"
    # Connections kept open to PostgreSQL per process; never more (see Database).
    db_pool_size: int = 20
    # How long a statement may wait for a row lock before it fails with a clear error.
    db_lock_timeout_ms: int = Field(default=10_000, ge=100, le=600_000)
    nats_url: str = "nats://127.0.0.1:4222"
    # The service's own broker identity: an NKey seed file (``make run`` makes one per service
    # under .data/) or a decentralised-JWT ``.creds`` file. Required in production.
    nats_nkey_seed_file: str | None = None
    nats_creds_file: str | None = None
    # The CA that signed the NATS servers' certificates, for tls:// URLs (see deploy/).
    nats_tls_ca_file: str | None = None
    log_level: str = "INFO"
    log_json: bool = True

    jwt_secret: str = DEV_SECRET_MARKER + "change-me"
    jwt_issuer: str = "aftersales"
    jwt_audience: str = "aftersales"
    jwt_jwks_url: str | None = None
    jwt_jwks_file: str | None = None
    jwt_algorithms: list[str] = Field(default_factory=lambda: ["HS256"])
    # The longest a token may live (exp - iat): people's tokens, and integrations' (crm).
    jwt_max_lifetime_hours: float = Field(default=12, gt=0)
    jwt_max_integration_lifetime_hours: float = Field(default=24 * 90, gt=0)

    # Per role {rate, burst}; a role set to null is not limited; "role:reads|writes|reports"
    # overrides one class. Merged over the defaults in aftersales.http.ratelimit.
    rate_limits: dict[str, Limit | None] = Field(default_factory=dict)
    rate_limit_enabled: bool = True
    # Proxies of our own in front of the service (the ingress): the client address is the one
    # they saw, read from X-Forwarded-For. 0 trusts no header.
    trusted_proxies: int = Field(default=0, ge=0, le=5)

    max_body_bytes: int = 1024 * 1024
    idempotency_ttl_hours: int = 24

    outbox_poll_seconds: float = 1.0
    # How often the gauges the alerts watch are refreshed (aftersales.observe).
    metrics_poll_seconds: float = Field(default=15.0, gt=0)
    outbox_retention_days: int = 7
    outbox_batch: int = 100
    consumer_batch: int = 50
    # messages of one fetched batch handled at once (one lane per aggregate)
    consumer_concurrency: int = Field(default=4, ge=1, le=64)
    consumer_max_deliver: int = 5
    consumer_backoff_seconds: list[float] = Field(default_factory=lambda: [1.0, 5.0, 15.0, 60.0])
    consumer_ack_wait_seconds: float = 30
    consumer_watchdog_seconds: float = 5
    run_background: bool = True
    # JetStream replicas of each stream: 3 on a NATS cluster (see deploy/), 1 on one server.
    stream_replicas: int = Field(default=1, ge=1, le=5)
    # A policy version is approved by another admin than its proposer (docs/policies.md).
    # Unset: on in production, off in development and tests (``make run``, pytest).
    policy_two_person: bool | None = None

    @property
    def two_person_policies(self) -> bool:
        if self.policy_two_person is not None:
            return self.policy_two_person
        return self.environment == "production"

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        platform_env = EnvSettingsSource(settings_cls, env_prefix="AFTERSALES_")
        return init_settings, env_settings, platform_env, file_secret_settings

    @model_validator(mode="after")
    def _refuse_dev_secret_in_production(self) -> ServiceSettings:
        uses_hmac = any(a.startswith("HS") for a in self.jwt_algorithms)
        if self.environment == "production" and uses_hmac:
            weak = weak_jwt_secret(self.jwt_secret)
            if weak is not None:
                raise ValueError(
                    f"refusing to run in production with an HS* algorithm: {weak};"
                    " set AFTERSALES_JWT_SECRET to a random value of at least"
                    f" {MIN_JWT_SECRET_BYTES} bytes, or use RS256 keys (deploy/README.md)"
                )
        if self.environment == "production" and not (
            self.nats_nkey_seed_file or self.nats_creds_file
        ):
            raise ValueError(
                "refusing to run in production without a NATS identity:"
                " set NATS_NKEY_SEED_FILE or NATS_CREDS_FILE"
            )
        return self
