"""the board's next clock as stored generated columns of tickets

Revision ID: 0020
Revises: 0019
Create Date: 2027-02-10 10:00:00

- ``tickets.board_clock``: the name of the row's next clock (null when none runs) and
  ``tickets.board_due``: its due time, 9999-12-31 when none runs; both computed by PostgreSQL on
  every write, from the same cases the board's queries computed each time.
- ``ix_tickets_board_due (board_due, id)`` over the open rows: ``sort=next_due`` reads the first
  page from the index instead of computing and sorting every open row, and the counts group
  two stored columns.

Measured with 10,000 open tickets (``python -m bench.console``): see bench/README.md.

What existing rows become: each gets both columns computed as it is (the table is rewritten
once; no trigger fires, so a sync does not return every row again).
"""

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0020"
down_revision: Union[str, Sequence[str], None] = "0019"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

S = "intake"
CLOCK_SQL = (
    "(CASE WHEN (paused_at IS NOT NULL OR status IN ('cancelled', 'closed', 'completed', "
    "'resolved_remotely')) THEN NULL WHEN (responded_at IS NULL) THEN 'answer' WHEN "
    "(status = 'scheduled' AND appointment_end IS NOT NULL) THEN 'arrival' WHEN "
    "(complete_by IS NOT NULL AND checklist_done_at IS NULL) THEN 'completion' ELSE NULL "
    "END)"
)
DUE_SQL = (
    "(coalesce(CASE WHEN (paused_at IS NOT NULL OR status IN ('cancelled', 'closed', "
    "'completed', 'resolved_remotely')) THEN NULL WHEN (responded_at IS NULL) THEN "
    "respond_by WHEN (status = 'scheduled' AND appointment_end IS NOT NULL) THEN "
    "appointment_end WHEN (complete_by IS NOT NULL AND checklist_done_at IS NULL) THEN "
    "complete_by ELSE NULL END, to_timestamp(253402214400)))"
)
OPEN_SQL = "status IN ('open', 'dispatched', 'scheduled', 'in_progress', 'completed', 'reopened')"


def upgrade() -> None:
    op.add_column(
        "tickets",
        sa.Column("board_clock", sa.String(20), sa.Computed(CLOCK_SQL, persisted=True)),
        schema=S,
    )
    op.add_column(
        "tickets",
        sa.Column("board_due", sa.DateTime(timezone=True), sa.Computed(DUE_SQL, persisted=True)),
        schema=S,
    )
    op.create_index(
        "ix_tickets_board_due",
        "tickets",
        ["board_due", "id"],
        schema=S,
        postgresql_where=sa.text(OPEN_SQL),
    )


def downgrade() -> None:
    op.drop_index("ix_tickets_board_due", table_name="tickets", schema=S)
    op.drop_column("tickets", "board_due", schema=S)
    op.drop_column("tickets", "board_clock", schema=S)
