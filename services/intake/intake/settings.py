from __future__ import annotations

from datetime import date, timedelta

from pydantic import AliasChoices, Field, field_validator, model_validator
from pydantic_settings import SettingsConfigDict

from aftersales.http.egress import EgressPolicy
from aftersales.sealed import SecretBox
from aftersales.settings import ServiceSettings
from intake.domain.tickets import KINDS
from intake.notifications.domain.quiet_hours import QuietHours

# The longest one send (a webhook delivery, a customer message) may take: well inside the lease
# on a claimed row (intake.adapters.leases.LEASE, 120 s), so no replica claims it twice.
MAX_SEND_SECONDS = 60


class IntakeSettings(ServiceSettings):
    # populate_by_name: a field with an alias is still set by its name in code and tests.
    model_config = SettingsConfigDict(env_prefix="INTAKE_", extra="ignore", populate_by_name=True)

    service_name: str = "intake"
    port: int = 8001
    respond_within_hours: float = 4
    complaint_respond_within_hours: float = 24
    # Hours to finish a request, per kind (docs/domain.md: training within a month, a sample test's
    # result within 24 h, a dealer's goods and its guidance within 10 days, promotion support
    # within 20); the service catalogue may set them per category too.
    complete_within_hours: dict[str, float] = Field(
        default_factory=lambda: {
            "training": 744.0,
            "sample_test": 24.0,
            "dealer_onboarding": 240.0,
            "promotion_support": 480.0,
            "usage_guidance": 240.0,
        }
    )

    # The centre calls back every request (docs/domain.md): one solved on the phone too, for these
    # kinds. Until that callback, a resolved_remotely ticket has no closure_reason.
    callback_after_remote_kinds: list[str] = Field(
        default_factory=lambda: [k for k in KINDS if k != "complaint"]
    )

    # How often the breach scanner looks for missed answers and deadlines.
    clock_poll_seconds: float = 10
    clock_batch: int = Field(default=100, ge=1, le=1000)

    # 三包 (docs/domain.md): the national rule by default.
    refund_within_days: int = 7
    replace_within_days: int = 15
    failed_repairs_for_replacement: int = 2
    replacement_warranty_months: int | None = None

    # Outbound webhooks to CRMs. One delivery is done within this many seconds, all told: the
    # name's resolution, the connection, sending and the answer (of whose body at most 64 KiB
    # is read, and thrown away). Well inside the 120 s lease on a claimed delivery, so no
    # other replica claims it while it is being sent.
    webhook_timeout_seconds: float = Field(
        default=10,
        gt=0,
        le=MAX_SEND_SECONDS,
        validation_alias=AliasChoices(
            "INTAKE_WEBHOOK_TIMEOUT_S",
            "INTAKE_WEBHOOK_TIMEOUT_SECONDS",
            "AFTERSALES_WEBHOOK_TIMEOUT_SECONDS",
        ),
    )
    webhook_poll_seconds: float = 1.0
    # Deliveries in flight at once, per replica: one per subscription at most (a slow receiver
    # holds one lane), and a few per owner (one with many slow receivers holds those few).
    webhook_lanes: int = Field(default=100, ge=1, le=500)
    webhook_lanes_per_owner: int = Field(default=4, ge=1, le=100)
    # A subscription whose receiver accepted nothing for this long is switched off, and its
    # owner told (intake.webhook.disabled.v1). ISO 8601 (P3D) or seconds.
    webhook_disable_after: timedelta = Field(default=timedelta(days=3), gt=timedelta(0))
    # Active subscriptions per owner (a CRM tenant, a point, a technician, the app, the staff).
    webhooks_per_owner: int = Field(default=20, ge=1, le=1000)
    # Seconds after each failed attempt; about three days in all.
    webhook_retry_schedule: list[int] = Field(
        default_factory=lambda: [
            5,
            30,
            120,
            600,
            1800,
            3600,
            7200,
            14400,
            28800,
            43200,
            86400,
            86400,
        ]
    )
    # Development and tests only: receivers on private addresses (and, outside production,
    # plain http). Production calls https endpoints on public addresses alone.
    webhook_allow_private_urls: bool = False
    # Older event versions integrators still subscribe to are made until their sunset date,
    # e.g. {"dispatch.job.completed.v1": "2027-06-30"}; none by default (docs/contract.md).
    event_sunsets: dict[str, date] = Field(default_factory=dict)
    # Fernet keys sealing webhook secrets at rest, newest first (rotate: put a new key in
    # front; the service reseals at start; then drop the old one). Required in production;
    # elsewhere a key is derived from the development JWT secret.
    secret_keys: list[str] = Field(default_factory=list)

    # Customer notifications. Routine messages wait out the quiet hours (local time); urgent
    # ones go at once. A channel with nothing configured records its messages as skipped.
    business_timezone: str = "Asia/Shanghai"
    notify_quiet_hours: str = Field(default="21:00-08:00", pattern=r"^\d\d:\d\d-\d\d:\d\d$")
    notify_poll_seconds: float = 1.0
    notify_retry_schedule: list[int] = Field(
        default_factory=lambda: [30, 120, 600, 1800, 3600, 7200, 14400, 28800, 43200, 86400]
    )
    notify_smtp_host: str | None = None
    notify_smtp_port: int = 25
    notify_smtp_username: str | None = None
    notify_smtp_password: str | None = None
    notify_smtp_starttls: bool = False
    notify_email_from: str = "service@aftersales.example"
    # The SMS/WeChat gateway: a JSON POST signed like a webhook with this secret (whsec_...).
    notify_gateway_url: str | None = None
    notify_gateway_secret: str | None = None
    # One message is handed over within this many seconds, all told (as a webhook delivery).
    notify_timeout_seconds: float = Field(default=10, gt=0, le=MAX_SEND_SECONDS)
    # Messages in flight at once, per channel: a slow gateway never holds up e-mail.
    notify_lanes: int = Field(default=10, ge=1, le=100)

    @field_validator("webhook_disable_after", mode="before")
    @classmethod
    def _seconds_or_iso(cls, value: object) -> object:
        """``259200`` (seconds) as well as ``P3D`` (ISO 8601) from the environment."""
        if isinstance(value, str):
            try:
                return float(value)
            except ValueError:
                return value
        return value

    @property
    def quiet_hours(self) -> QuietHours:
        return QuietHours.parse(self.notify_quiet_hours, self.business_timezone)

    @model_validator(mode="after")
    def _known_kinds_and_positive_hours(self) -> IntakeSettings:
        unknown = set(self.callback_after_remote_kinds) - set(KINDS)
        if unknown:
            raise ValueError(f"callback_after_remote_kinds names unknown kinds: {sorted(unknown)}")
        for kind, hours in self.complete_within_hours.items():
            if kind not in KINDS:
                raise ValueError(f"complete_within_hours names an unknown kind: {kind!r}")
            if hours <= 0:
                raise ValueError(f"complete_within_hours[{kind}] must be positive")
        return self

    @model_validator(mode="after")
    def _gateway_is_signed(self) -> IntakeSettings:
        if self.notify_gateway_url and not self.notify_gateway_secret:
            raise ValueError("INTAKE_NOTIFY_GATEWAY_URL needs INTAKE_NOTIFY_GATEWAY_SECRET")
        self.quiet_hours  # noqa: B018  (refuse bad hours at start)
        return self

    @model_validator(mode="after")
    def _refuse_unsealed_secrets_in_production(self) -> IntakeSettings:
        if self.environment == "production" and not self.secret_keys:
            raise ValueError("refusing to run in production without INTAKE_SECRET_KEYS")
        return self

    @model_validator(mode="after")
    def _refuse_private_targets_in_production(self) -> IntakeSettings:
        if self.environment == "production" and self.webhook_allow_private_urls:
            raise ValueError(
                "refusing to run in production with INTAKE_WEBHOOK_ALLOW_PRIVATE_URLS: webhooks"
                " would reach addresses inside the network (development and tests only)"
            )
        return self

    @property
    def secret_box(self) -> SecretBox:
        return SecretBox(self.secret_keys or [SecretBox.development_key(self.jwt_secret)])

    @property
    def egress_policy(self) -> EgressPolicy:
        return EgressPolicy(
            allow_private=self.webhook_allow_private_urls,
            allow_http=self.environment != "production",
        )
