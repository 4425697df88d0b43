"""The rules of the customer notifications, made once from intake's settings: the business time
zone and its quiet hours, the channels configured, and how sends are bounded and retried."""

from __future__ import annotations

from dataclasses import dataclass
from zoneinfo import ZoneInfo

from intake.notifications.domain.quiet_hours import QuietHours
from intake.settings import IntakeSettings


@dataclass(frozen=True)
class NotificationPolicy:
    tz: ZoneInfo
    quiet_hours: QuietHours
    retry_schedule: tuple[int, ...]
    timeout_seconds: float
    email_from: str
    smtp_host: str | None = None
    smtp_port: int = 25
    smtp_username: str | None = None
    smtp_password: str | None = None
    smtp_starttls: bool = False
    # The SMS/WeChat gateway: a JSON POST signed like a webhook with its secret.
    gateway_url: str | None = None
    gateway_secret: str | None = None

    @classmethod
    def from_settings(cls, s: IntakeSettings) -> NotificationPolicy:
        return cls(
            tz=ZoneInfo(s.business_timezone),
            quiet_hours=s.quiet_hours,
            retry_schedule=tuple(s.notify_retry_schedule),
            timeout_seconds=s.notify_timeout_seconds,
            email_from=s.notify_email_from,
            smtp_host=s.notify_smtp_host,
            smtp_port=s.notify_smtp_port,
            smtp_username=s.notify_smtp_username,
            smtp_password=s.notify_smtp_password,
            smtp_starttls=s.notify_smtp_starttls,
            gateway_url=s.notify_gateway_url,
            gateway_secret=s.notify_gateway_secret,
        )
