"""Request and response models of the webhook routes (separate from the tables)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from aftersales.http.models import RequestModel as Request


class WebhookIn(Request):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "url": "https://crm.example.com/hooks/aftersales",
                    "events": [
                        "intake.ticket.>",
                        "billing.charge.issued.v1",
                        "feedback.callback.recorded.v2",
                    ],
                    "description": "the CRM's ticket sync",
                }
            ]
        }
    )

    url: str = Field(min_length=8, max_length=2000, description="https endpoint of the CRM")
    events: list[str] = Field(
        min_length=1, max_length=50, description="subject patterns, e.g. intake.ticket.*.v1"
    )
    description: str | None = Field(default=None, max_length=500)


class WebhookOut(BaseModel):
    id: uuid.UUID
    url: str
    events: list[str]
    description: str | None
    active: bool
    disabled_reason: str | None
    failing_since: datetime | None = Field(
        default=None,
        description="the first failed attempt since the receiver last accepted one (null: "
        "not failing); failing for INTAKE_WEBHOOK_DISABLE_AFTER (3 days) switches it off",
    )
    version: int
    created_at: datetime


class EventTypeOut(BaseModel):
    """An event integrators may subscribe to. ``deprecated``: an older version, made for its
    subscribers from the one on the bus (``replaced_by``) until its ``sunset`` (null: none
    set, so never)."""

    subject: str
    version: int
    deprecated: bool
    replaced_by: str | None
    sunset: date | None


class WebhookWithSecret(WebhookOut):
    secret: str = Field(description="signing secret (whsec_...); shown only now")


class DeliveryOut(BaseModel):
    id: uuid.UUID
    event_id: uuid.UUID
    event_type: str
    status: Literal["pending", "succeeded", "failed"]
    attempts: int
    next_attempt_at: datetime
    last_status_code: int | None
    last_error: str | None
    created_at: datetime
    delivered_at: datetime | None
