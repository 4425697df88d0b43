"""The board: a job's next clock, and the counts of the open jobs."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

from aftersales.http import models


class NextClockOut(models.NextClockOut):
    clock: Literal["accept", "respond", "arrival", "completion"] = Field(
        description="accept: offered, due its accept-by (`offer_expires_at`); respond: to book, "
        "due `respond_by`; arrival: booked or on the way, due the appointment's end; "
        "completion: the ticket's deadline to finish (`complete_by`)"
    )


class JobStatusCounts(BaseModel):
    unrouted: int
    offered: int
    accepted: int
    scheduled: int
    en_route: int
    on_site: int
    awaiting_parts: int
    in_workshop: int
    repaired: int
    inspected: int


class JobClockCounts(BaseModel):
    accept_due: int = Field(description="offered, the accept-by not yet past")
    respond_due: int = Field(description="to book (unrouted, accepted), not yet due")
    arrival_due: int = Field(description="booked or on the way, the appointment not yet over")
    completion_due: int = Field(description="under way, the deadline to finish not yet past")
    breached: int = Field(description="the next clock's due time has passed")
    paused: int = Field(description="its clocks stopped (an offer's accept-by still runs)")
    no_clock: int = Field(description="running with no clock: no deadline left to watch")


class JobCounts(BaseModel):
    total: int = Field(description="the open jobs (not completed or cancelled) the filters match")
    by_status: JobStatusCounts
    offered_not_accepted: int = Field(
        description="offered to a point that has not accepted yet (= by_status.offered)"
    )
    unrouted: int = Field(
        description="no point has them: none serves, or every one declined (= by_status.unrouted)"
    )
    by_clock: JobClockCounts = Field(
        description="every open job in exactly one bucket, by its next clock (docs/dispatch.md)"
    )
    as_of: datetime = Field(description="the moment a due time is compared with")
