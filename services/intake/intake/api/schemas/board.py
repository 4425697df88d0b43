"""The supervisor's board: a ticket's next clock, and the counts of the open tickets."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

from aftersales.http import models


class NextClockOut(models.NextClockOut):
    clock: Literal["answer", "arrival", "completion"] = Field(
        description="answer: not answered yet (due `sla.respond_by`); arrival: the visit is "
        "booked and the technician has not set off (due the appointment's end); completion: "
        "the kind has a deadline to finish (due `sla.complete_by`)"
    )


class TicketStatusCounts(BaseModel):
    open: int
    dispatched: int
    scheduled: int
    in_progress: int
    completed: int = Field(description="the work is done; the callback is still to come")
    reopened: int


class TicketClockCounts(BaseModel):
    answer_due: int = Field(description="running, next clock the answer, not yet due")
    arrival_due: int = Field(description="running, next clock the arrival, not yet due")
    completion_due: int = Field(description="running, next clock the completion, not yet due")
    breached: int = Field(description="running, and the next clock's due time has passed")
    paused: int = Field(description="every clock stopped (POST /v1/tickets/{id}/pause)")
    no_clock: int = Field(description="running with no clock: completed, or no deadline left")


class TicketCounts(BaseModel):
    total: int = Field(description="the open tickets (not ended) the filters match")
    by_status: TicketStatusCounts
    by_clock: TicketClockCounts = Field(
        description="every open ticket in exactly one bucket, by its next clock (docs/intake.md)"
    )
    as_of: datetime = Field(description="the moment a due time is compared with")
