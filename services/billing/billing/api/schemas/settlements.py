"""Settlements: the month's statements and its close."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from aftersales.http.models import RequestModel


class Statements(BaseModel):
    month: str
    items: list[dict[str, Any]]


class CloseMonthIn(RequestModel):
    force: bool = Field(
        default=False, description="close before feedback has graded the month (needs a reason)"
    )
    reason: str | None = Field(default=None, min_length=1, max_length=1000)
