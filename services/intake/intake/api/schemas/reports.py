"""The information centre's own record (``GET /v1/reports/centre``) and the quarterly report on
direct customers (``GET /v1/reports/direct-customers``)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field


class CentreReport(BaseModel):
    """The information centre's own record of a month's requests (by their creation)."""

    month: str
    as_of: datetime = Field(description="the moment the counts are taken")
    tickets: int = Field(description="requests opened in the month")
    answers_due: int = Field(
        description="those whose answer fell due: answered, reported late, or running "
        "unanswered past respond_by"
    )
    answered: int
    answered_in_time: int = Field(description="answered by respond_by")
    answer_rate: float | None = Field(description="answered_in_time / answers_due")
    by_kind: dict[str, int]
    by_channel: dict[str, int]
    solved_on_phone: int = Field(
        description="ended without a visit (resolve-remotely, a resolved answer) and not "
        "reopened by the callback"
    )
    solved_on_phone_rate: float | None = Field(
        description="solved_on_phone / the month's requests but parts orders, complaints and "
        "business customers' duties"
    )


class GuidanceOut(BaseModel):
    """A usage_guidance ticket and whether its work was finished by its deadline."""

    ticket_id: uuid.UUID
    number: str
    opened_at: datetime
    complete_by: datetime | None
    finished_at: datetime | None = Field(description="when its last checklist item was ticked")
    status: str
    result: Literal["in_time", "late", "running", "cancelled"] = Field(
        description="in_time: finished by complete_by; late: finished after it, or unfinished "
        "past it; running: unfinished, not yet due; cancelled: ended unfinished"
    )
    in_time: bool | None = Field(description="null while running or once cancelled")


class DirectCustomerQuarter(BaseModel):
    customer_id: uuid.UUID
    name: str
    tenant_id: str | None
    tickets: int = Field(description="tickets opened in the quarter")
    by_kind: dict[str, int]
    visits_requested: int = Field(description="the quarter's tickets that need a visit")
    visits_done: int = Field(description="visits (jobs) completed in the quarter")
    guidance: list[GuidanceOut] = Field(description="usage_guidance tickets opened in it")
    guidance_in_time: int
    guidance_late: int


class DirectCustomersReport(BaseModel):
    """The quarterly report to management on direct customers (clause 14)."""

    quarter: str
    start: datetime = Field(description="the quarter's first instant (the business's time)")
    end: datetime = Field(description="the next quarter's first instant")
    as_of: datetime
    customers: list[DirectCustomerQuarter]
