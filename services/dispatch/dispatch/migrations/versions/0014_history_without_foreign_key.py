"""job_history: no foreign key to jobs (an append-only log written beside its job)

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07 14:00:00

Every history row is written by the transaction that holds its job (created or locked in the
same unit of work), and jobs are never deleted, so the key's check guarded nothing: it cost one
statement per row, 6 of the 321 a closed ticket cost (bench/README.md, "Issue 29"). The index
on (job_id, seq) stays for the reads.
"""

from typing import Sequence, Union

from alembic import op

revision: str = "0014"
down_revision: Union[str, Sequence[str], None] = "0013"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.drop_constraint(
        "fk_job_history_job_id_jobs", "job_history", type_="foreignkey", schema="dispatch"
    )


def downgrade() -> None:
    op.create_foreign_key(
        "fk_job_history_job_id_jobs",
        "job_history",
        "jobs",
        ["job_id"],
        ["id"],
        source_schema="dispatch",
        referent_schema="dispatch",
    )
