"""jobs: the board's clocks (the booking due, the ticket's deadline to finish) and region filter

Revision ID: 0018
Revises: 0017
Create Date: 2027-02-03 10:00:00

``GET /v1/jobs?sort=next_due`` and ``GET /v1/jobs/counts`` read a job's next clock from its
row (``dispatch.domain.board``): ``respond_by``, the due time of its respond clock (booking the
visit) until the visit is booked, and ``complete_by``, the ticket's deadline to finish
(``intake.ticket.created.v2``'s ``complete_by``); both move on by the time a job is paused.
An index on ``region`` serves the filter by a region code's prefix.

What existing rows become: a job still to book gets ``respond_by`` from its respond clock (the
``sla_timers`` row, pending, paused or already breached); a job booked or ended has none.
``complete_by`` stays null on jobs made before (dispatch did not keep it). The backfill does
not stamp ``sync_xid`` (its trigger is off meanwhile): a sync does not return every job again.
"""

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0018"
down_revision: Union[str, Sequence[str], None] = "0017"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

S = "dispatch"
TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.add_column("jobs", sa.Column("respond_by", TZ), schema=S)
    op.add_column("jobs", sa.Column("complete_by", TZ), schema=S)
    op.execute("ALTER TABLE dispatch.jobs DISABLE TRIGGER jobs_sync_xid")
    op.execute(
        """
        UPDATE dispatch.jobs AS j SET respond_by = t.due_at
        FROM dispatch.sla_timers AS t
        WHERE t.job_id = j.id AND t.kind = 'respond'
          AND t.state IN ('pending', 'paused', 'fired')
          AND j.status IN ('unrouted', 'offered', 'accepted')
        """
    )
    op.execute("ALTER TABLE dispatch.jobs ENABLE TRIGGER jobs_sync_xid")
    op.create_index(
        "ix_jobs_region",
        "jobs",
        ["region"],
        schema=S,
        postgresql_ops={"region": "varchar_pattern_ops"},
    )


def downgrade() -> None:
    op.drop_index("ix_jobs_region", table_name="jobs", schema=S)
    op.drop_column("jobs", "complete_by", schema=S)
    op.drop_column("jobs", "respond_by", schema=S)
