"""The revenue report and class D admin work."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, Field

from aftersales.events import Money
from aftersales.http.models import RequestModel
from billing.api.schemas.refunds import RemedyOut
from billing.domain.admin_work import AdminWorkKind


class AdminWorkIn(RequestModel):
    staff: str = Field(min_length=1, max_length=200)
    kind: AdminWorkKind
    minutes: int = Field(gt=0, le=24 * 60)
    performed_on: date
    point_id: uuid.UUID | None = None
    note: str | None = Field(default=None, max_length=2000)


class AdminWorkOut(BaseModel):
    id: uuid.UUID
    staff: str
    kind: str
    minutes: int
    performed_on: date
    month: str
    point_id: uuid.UUID | None
    note: str | None
    recorded_by: str
    created_at: datetime


class AdminWorkStaffMonth(BaseModel):
    staff: str
    entries: int
    minutes: int
    minutes_by_kind: dict[str, int]


class AdminWorkReport(BaseModel):
    month: str
    service_class: Literal["D"] = "D"
    staff: list[AdminWorkStaffMonth]
    entries: list[AdminWorkOut]


class RevenueClass(BaseModel):
    service_class: str
    charges: int
    customer_total: Money
    company_cost: Money
    credited: Money
    paid: Money


class RevenueReport(BaseModel):
    month: str
    by_class: list[RevenueClass]
    remedies: list[RemedyOut]
    admin_work_minutes: int
