"""Request and response models of the notification routes (separate from the tables)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

from aftersales.http.models import RequestModel as Request
from intake.notifications.domain.templates import Kind

# Every kind of customer message (intake.notifications.domain.templates).
NOTIFICATION_KINDS = Kind


class TemplateIn(Request):
    subject: str = Field(
        min_length=1,
        max_length=300,
        description="may name the kind's placeholders, e.g. {ticket_number}",
        examples=["Your visit is booked ({ticket_number})"],
    )
    body: str = Field(
        min_length=1,
        max_length=4000,
        examples=["Dear {customer_name}, we come between {window_start} and {window_end}."],
    )


class TemplateOut(BaseModel):
    kind: NOTIFICATION_KINDS
    locale: Literal["zh-CN", "en"]
    subject: str
    body: str
    version: int = Field(description="0: the built-in wording, never edited")
    placeholders: list[str]


class PreferencesIn(Request):
    email: bool = Field(default=True, description="false: never e-mail this customer")
    sms: bool = Field(default=True, description="false: no SMS/WeChat messages")
    locale: Literal["zh-CN", "en"] = "zh-CN"


class PreferencesOut(PreferencesIn):
    customer_id: uuid.UUID
    version: int


class NotificationOut(BaseModel):
    id: uuid.UUID
    ticket_id: uuid.UUID
    kind: NOTIFICATION_KINDS
    channel: Literal["email", "sms"]
    locale: str
    template_version: int
    recipient: str | None
    subject: str
    body: str
    urgent: bool
    status: Literal["pending", "sent", "failed", "skipped"]
    held_until: datetime | None = Field(description="waiting out the quiet hours until then")
    attempts: int
    last_error: str | None
    created_at: datetime
    sent_at: datetime | None
