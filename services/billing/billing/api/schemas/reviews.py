"""The review queue: flags with their reasons, and finance's decisions on them."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, Field

from aftersales.http.models import RequestModel
from billing.api.schemas.common import MoneyIn

Rule = Literal[
    "implausible_labour",
    "implausible_travel",
    "labour_above_norm",
    "parts_above_norm",
    "part_not_on_model",
    "repeat_visit",
    "customer_jobs",
    "late_report",
    "no_visit",
    "cash_unremitted",
    "payment_unreconciled",
]
ReviewStatus = Literal["open", "cleared", "adjusted"]


class ReviewOut(BaseModel):
    id: uuid.UUID
    rule: str
    action: Literal["hold", "mark"] = Field(
        description="hold: the charge is not invoiced nor settled until cleared; mark: shown only"
    )
    subject: Literal["charge", "cash", "payment"]
    charge_id: uuid.UUID | None
    payment_id: uuid.UUID | None
    job_id: uuid.UUID | None
    ticket_id: uuid.UUID | None
    point_id: uuid.UUID | None
    figure: float | None = Field(description="the job's (or payment's) figure the rule weighed")
    norm: float | None = Field(description="the norm or limit it was compared with")
    reason: str
    details: dict[str, Any]
    status: ReviewStatus
    flagged_at: datetime
    cleared_by: str | None
    cleared_at: datetime | None
    note: str | None
    correction: dict[str, Any] | None = Field(
        description="an adjustment: the credit note, supplementary charge and point deduction"
    )


class ClearIn(RequestModel):
    note: str = Field(min_length=1, max_length=1000)
    basis: Literal["reported", "received"] | None = Field(
        default=None,
        description="a late report's flag (required then, refused otherwise): the times the "
        "reports carry, or the times they reached dispatch",
    )


class AdjustIn(RequestModel):
    note: str = Field(min_length=1, max_length=1000)
    credit: MoneyIn | None = Field(
        default=None, description="a credit note: what the customer no longer owes"
    )
    supplementary: MoneyIn | None = Field(
        default=None, description="a supplementary charge: what the customer owes more"
    )
    point_deduction: MoneyIn | None = Field(
        default=None,
        description="deducted from the point's settlement in the first open month (the work "
        "it is paid for was less)",
    )


def money_of(m: MoneyIn | None) -> int:
    return m.amount if m is not None else 0
