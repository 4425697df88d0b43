"""The supervisor's board in SQL: the next clock of a ticket (``intake.domain.board`` says the
same in Python), for the open tickets in the order of their next due time
(``page_by_next_due``) and the counts per status and clock bucket in one statement
(``counts``); what every board does alike is ``aftersales.http.board``'s."""

from __future__ import annotations

from sqlalchemy import and_, or_

from aftersales.http.board import DueBoard
from intake.adapters.tables import TicketRow
from intake.domain.board import CLOCKS, OPEN_STATUSES
from intake.domain.clocks import WORK_DONE

T = TicketRow

BOARD = DueBoard(
    # (condition, clock, its due time): the first that holds decides; None: no clock runs, as
    # while the ticket is paused or once its work is done (so a paused ticket counts paused).
    cases=(
        (or_(T.paused_at.is_not(None), T.status.in_(sorted(WORK_DONE))), None, None),
        (T.responded_at.is_(None), "answer", T.respond_by),
        (
            and_(T.status == "scheduled", T.appointment_end.is_not(None)),
            "arrival",
            T.appointment_end,
        ),
        (
            and_(T.complete_by.is_not(None), T.checklist_done_at.is_(None)),
            "completion",
            T.complete_by,
        ),
    ),
    id_col=T.id,
    status=T.status,
    statuses=OPEN_STATUSES,
    clocks=CLOCKS,
    paused=T.paused_at.is_not(None),
    stored=(T.board_clock, T.board_due),
)
# The open tickets of a ``select(TicketRow)`` with its filters by their next due time, then
# id, the tickets with no running clock last; and the open tickets matching a condition per
# status and per clock bucket (``intake.domain.board.bucket``) as of a moment.
page_by_next_due = BOARD.page
counts = BOARD.counts
