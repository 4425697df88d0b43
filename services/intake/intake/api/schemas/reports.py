"""The information centre's own record (``GET /v1/reports/centre``)."""

from __future__ import annotations

from datetime import datetime

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
        description="solved_on_phone / the month's requests but parts orders and complaints"
    )
