"""jobs: a commit-ordered sync cursor (GET /v1/jobs?since=)

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07 12:30:00

``sync_xid`` is the id of the transaction that last wrote the row, set by a trigger on every
insert and update (``pg_current_xact_id()``, 64 bits, never wraps). A sync reads the rows whose
``sync_xid`` is below the oldest transaction still in flight, so a row committed late is never
skipped, as it can be by ``updated_since`` (``updated_at`` is stamped before the commit).

What existing rows become: ``sync_xid`` 0, so a sync from the start returns each of them once.
After a logical restore into another cluster (pg_dump; not pg_upgrade, not a promoted replica),
whose transaction ids start lower, run ``UPDATE dispatch.jobs SET sync_xid = 0`` once: the trigger
stamps every row with that transaction's id, integrators' cursors from before are refused as
ahead of the database (422), and they start their sync again.
"""

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: Union[str, Sequence[str], None] = "0012"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

S = "dispatch"


def upgrade() -> None:
    op.add_column(
        "jobs",
        sa.Column("sync_xid", sa.BigInteger(), nullable=False, server_default="0"),
        schema=S,
    )
    op.create_index("ix_jobs_sync_xid_id", "jobs", ["sync_xid", "id"], schema=S)
    op.execute(
        """
        CREATE FUNCTION dispatch.stamp_sync_xid() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            NEW.sync_xid := pg_current_xact_id()::text::bigint;
            RETURN NEW;
        END $$
        """
    )
    op.execute(
        "CREATE TRIGGER jobs_sync_xid BEFORE INSERT OR UPDATE ON dispatch.jobs "
        "FOR EACH ROW EXECUTE FUNCTION dispatch.stamp_sync_xid()"
    )


def downgrade() -> None:
    op.execute("DROP TRIGGER jobs_sync_xid ON dispatch.jobs")
    op.execute("DROP FUNCTION dispatch.stamp_sync_xid()")
    op.drop_index("ix_jobs_sync_xid_id", table_name="jobs", schema=S)
    op.drop_column("jobs", "sync_xid", schema=S)
