"""A point's technicians."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

from aftersales.http.models import RequestModel
from dispatch.api.schemas.common import Category, Patch


class TechnicianIn(RequestModel):
    name: str = Field(min_length=1, max_length=200)
    phone: str = Field(min_length=5, max_length=40)
    skills: list[Category] = Field(min_length=1, max_length=100)


class TechnicianPatch(Patch):
    """Dismissal comes only from feedback's discipline; a point may (de)activate."""

    name: str | None = Field(default=None, min_length=1, max_length=200)
    phone: str | None = Field(default=None, min_length=5, max_length=40)
    skills: list[Category] | None = Field(default=None, min_length=1, max_length=100)
    active: bool | None = None


class TechnicianOut(BaseModel):
    id: uuid.UUID
    point_id: uuid.UUID
    name: str
    phone: str
    skills: list[str]
    status: Literal["active", "inactive", "dismissed"]
    status_reason: str | None
    version: int
    created_at: datetime
    updated_at: datetime
