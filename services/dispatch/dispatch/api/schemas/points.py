"""Network points, their capacity overrides and their capacity calendar."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, Field

from aftersales.http.models import RequestModel
from dispatch.api.schemas.common import Category, Patch, RegionCode


class PointIn(RequestModel):
    code: str = Field(min_length=1, max_length=40, pattern=r"^[A-Za-z0-9_\-]+$")
    name: str = Field(min_length=1, max_length=200)
    regions: list[RegionCode] = Field(min_length=1, max_length=500)
    categories: list[Category] = Field(min_length=1, max_length=100)
    daily_capacity: int = Field(ge=0, le=10_000)
    is_partner: bool = False


class PointPatch(Patch):
    """What may change of a point; its code, grade and version are not for clients to set."""

    name: str | None = Field(default=None, min_length=1, max_length=200)
    regions: list[RegionCode] | None = Field(default=None, min_length=1, max_length=500)
    categories: list[Category] | None = Field(default=None, min_length=1, max_length=100)
    daily_capacity: int | None = Field(default=None, ge=0, le=10_000)
    is_partner: bool | None = None
    active: bool | None = None


class PointOut(BaseModel):
    id: uuid.UUID
    code: str
    name: str
    regions: list[str]
    categories: list[str]
    daily_capacity: int
    is_partner: bool
    grade: str | None
    grade_month: str | None
    active: bool
    version: int
    created_at: datetime
    updated_at: datetime


class CapacityOverrideIn(RequestModel):
    starts_on: date
    ends_on: date
    daily_capacity: int = Field(
        ge=0,
        le=10_000,
        description="a point may only lower its capacity (at most the point's daily_capacity; "
        "403 above it); admins and agents set any",
    )
    reason: str = Field(min_length=1, max_length=500)


class CapacityOverrideOut(BaseModel):
    id: uuid.UUID
    point_id: uuid.UUID
    starts_on: date
    ends_on: date
    daily_capacity: int
    reason: str
    made_by: Literal["operator", "point"] = Field(
        description="who set it: a point removes only the overrides it made"
    )
    created_at: datetime


class CapacityOverrides(BaseModel):
    items: list[CapacityOverrideOut]


class CalendarDayOut(BaseModel):
    day: date
    capacity: int
    booked: int
    overridden: bool


class CapacityCalendar(BaseModel):
    point_id: uuid.UUID
    days: list[CalendarDayOut]
