"""The board in SQL: a job's next clock (``dispatch.domain.board`` says the same in Python),
for the open jobs in the order of their next due time (``page_by_next_due``) and the counts
per status and clock bucket in one statement (``counts``); what every board does alike is
``aftersales.http.board``'s."""

from __future__ import annotations

from sqlalchemy import and_

from aftersales.http.board import DueBoard
from dispatch.adapters.tables.jobs import JobRow
from dispatch.domain.board import CLOCKS, OPEN_STATUSES, TO_ARRIVE, TO_BOOK
from dispatch.domain.jobs import FINAL

J = JobRow

BOARD = DueBoard(
    # (condition, clock, its due time): the first that holds decides; None: no clock runs.
    cases=(
        (J.status.in_(sorted(FINAL)), None, None),
        (
            and_(J.status == "offered", J.offer_expires_at.is_not(None)),
            "accept",
            J.offer_expires_at,
        ),
        (J.paused_at.is_not(None), None, None),
        (and_(J.status.in_(TO_BOOK), J.respond_by.is_not(None)), "respond", J.respond_by),
        (
            and_(J.status.in_(TO_ARRIVE), J.appointment_end.is_not(None)),
            "arrival",
            J.appointment_end,
        ),
        (J.complete_by.is_not(None), "completion", J.complete_by),
    ),
    id_col=J.id,
    status=J.status,
    statuses=OPEN_STATUSES,
    clocks=CLOCKS,
    paused=J.paused_at.is_not(None),
    stored=(J.board_clock, J.board_due),
)
# The open jobs of a ``select(JobRow)`` with its filters by their next due time, then id, the
# jobs with no running clock last; and the open jobs matching a condition per status and per
# clock bucket (``dispatch.domain.board.bucket``) as of a moment.
page_by_next_due = BOARD.page
counts = BOARD.counts
