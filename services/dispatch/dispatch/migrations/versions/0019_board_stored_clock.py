"""the board's next clock as stored generated columns of jobs

Revision ID: 0019
Revises: 0018
Create Date: 2027-02-10 10:00:00

- ``jobs.board_clock``: the name of the row's next clock (null when none runs) and
  ``jobs.board_due``: its due time, 9999-12-31 when none runs; both computed by PostgreSQL on
  every write, from the same cases the board's queries computed each time.
- ``ix_jobs_board_due (board_due, id)`` over the open rows: ``sort=next_due`` reads the first
  page from the index instead of computing and sorting every open row, and the counts group
  two stored columns.

Measured with 10,000 open tickets (``python -m bench.console``): see bench/README.md.

What existing rows become: each gets both columns computed as it is (the table is rewritten
once; no trigger fires, so a sync does not return every row again).
"""

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0019"
down_revision: Union[str, Sequence[str], None] = "0018"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

S = "dispatch"
CLOCK_SQL = (
    "(CASE WHEN (status IN ('cancelled', 'completed')) THEN NULL WHEN (status = 'offered' "
    "AND offer_expires_at IS NOT NULL) THEN 'accept' WHEN (paused_at IS NOT NULL) THEN "
    "NULL WHEN (status IN ('unrouted', 'offered', 'accepted') AND respond_by IS NOT NULL) "
    "THEN 'respond' WHEN (status IN ('scheduled', 'en_route') AND appointment_end IS NOT "
    "NULL) THEN 'arrival' WHEN (complete_by IS NOT NULL) THEN 'completion' ELSE NULL END)"
)
DUE_SQL = (
    "(coalesce(CASE WHEN (status IN ('cancelled', 'completed')) THEN NULL WHEN (status = "
    "'offered' AND offer_expires_at IS NOT NULL) THEN offer_expires_at WHEN (paused_at IS "
    "NOT NULL) THEN NULL WHEN (status IN ('unrouted', 'offered', 'accepted') AND "
    "respond_by IS NOT NULL) THEN respond_by WHEN (status IN ('scheduled', 'en_route') AND "
    "appointment_end IS NOT NULL) THEN appointment_end WHEN (complete_by IS NOT NULL) THEN "
    "complete_by ELSE NULL END, to_timestamp(253402214400)))"
)
OPEN_SQL = (
    "status IN ('unrouted', 'offered', 'accepted', 'scheduled', 'en_route', 'on_site', "
    "'awaiting_parts', 'in_workshop', 'repaired', 'inspected')"
)


def upgrade() -> None:
    op.add_column(
        "jobs",
        sa.Column("board_clock", sa.String(20), sa.Computed(CLOCK_SQL, persisted=True)),
        schema=S,
    )
    op.add_column(
        "jobs",
        sa.Column("board_due", sa.DateTime(timezone=True), sa.Computed(DUE_SQL, persisted=True)),
        schema=S,
    )
    op.create_index(
        "ix_jobs_board_due",
        "jobs",
        ["board_due", "id"],
        schema=S,
        postgresql_where=sa.text(OPEN_SQL),
    )


def downgrade() -> None:
    op.drop_index("ix_jobs_board_due", table_name="jobs", schema=S)
    op.drop_column("jobs", "board_due", schema=S)
    op.drop_column("jobs", "board_clock", schema=S)
