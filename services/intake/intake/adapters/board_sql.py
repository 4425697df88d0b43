"""The SQL of the tickets' stored board columns and the board index's rows (migration 0020),
kept apart from the table so the model stays readable."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Computed, DateTime, String
from sqlalchemy.orm import Mapped, mapped_column

# The board's next clock and its due time ("9999-12-31" when none runs) as stored generated
# columns (migration 0020): the SQL of ``intake.adapters.board.BOARD.generated_sql()``,
# which a unit test holds them to.
TICKET_BOARD_CLOCK_SQL = (
    "(CASE WHEN (paused_at IS NOT NULL OR status IN ('cancelled', 'closed', 'completed', "
    "'resolved_remotely')) THEN NULL WHEN (responded_at IS NULL) THEN 'answer' WHEN (status = "
    "'scheduled' AND appointment_end IS NOT NULL) THEN 'arrival' WHEN (complete_by IS NOT NULL "
    "AND checklist_done_at IS NULL) THEN 'completion' ELSE NULL END)"
)
TICKET_BOARD_DUE_SQL = (
    "(coalesce(CASE WHEN (paused_at IS NOT NULL OR status IN ('cancelled', 'closed', "
    "'completed', 'resolved_remotely')) THEN NULL WHEN (responded_at IS NULL) THEN respond_by "
    "WHEN (status = 'scheduled' AND appointment_end IS NOT NULL) THEN appointment_end WHEN "
    "(complete_by IS NOT NULL AND checklist_done_at IS NULL) THEN complete_by ELSE NULL END, "
    "to_timestamp(253402214400)))"
)
TICKET_OPEN_SQL = (
    "status IN ('open', 'dispatched', 'scheduled', 'in_progress', 'completed', 'reopened')"
)


class TicketBoard:
    """The tickets' board columns (a mixin of ``TicketRow``): computed by PostgreSQL on every
    write."""

    board_clock: Mapped[str | None] = mapped_column(
        String(20), Computed(TICKET_BOARD_CLOCK_SQL, persisted=True)
    )
    board_due: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), Computed(TICKET_BOARD_DUE_SQL, persisted=True)
    )
