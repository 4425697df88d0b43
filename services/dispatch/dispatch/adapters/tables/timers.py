"""A job's SLA clocks (respond, accept, arrival): one row per clock, fired once."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import (
    ForeignKey,
    Index,
    String,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from dispatch.adapters.tables.base import TZ, Base


class SlaTimerRow(Base):
    """A clock the timer worker fires when it runs out (see ``dispatch.domain.sla``)."""

    __tablename__ = "sla_timers"
    __table_args__ = (
        Index("ix_sla_timers_pending_due_at", "due_at", postgresql_where=text("state = 'pending'")),
        Index("ix_sla_timers_job_id_kind", "job_id", "kind"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    job_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("jobs.id"))
    ticket_id: Mapped[uuid.UUID]
    kind: Mapped[str] = mapped_column(String(12))  # respond | accept | arrival
    due_at: Mapped[datetime] = mapped_column(TZ)
    # pending | paused | met | fired | cancelled
    state: Mapped[str] = mapped_column(String(10))
    settled_at: Mapped[datetime | None] = mapped_column(TZ)
    # While paused: since when. Resuming moves due_at on by the time paused.
    paused_at: Mapped[datetime | None] = mapped_column(TZ)
