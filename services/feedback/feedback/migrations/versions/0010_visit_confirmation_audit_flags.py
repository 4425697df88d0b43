"""visit confirmation, the audit sample, billing's review flags

Revision ID: 0010
Revises: 0009
Create Date: 2027-02-10 10:00:00

Issue 31: a callback says whether the customer confirmed the visit; a share of each point's
completed jobs is drawn for audit (its callback must ask, and the queue shows it first); the
review flags billing raises count on each point's scorecard.

- ``callbacks.audit`` (every existing callback: not drawn) and ``callbacks.visit_confirmed``
  (every existing callback: ``not_asked``); ``ix_callbacks_queue``, the queue's order.
- ``review_flags``: one per review billing published with a point, by month.
"""

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: Union[str, Sequence[str], None] = "0009"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

S = "feedback"
TZ = sa.DateTime(timezone=True)
QUEUE_RANK_SQL = "(CASE WHEN audit AND status = 'due' THEN 0 ELSE 1 END)"


def upgrade() -> None:
    op.add_column(
        "callbacks",
        sa.Column("audit", sa.Boolean(), nullable=False, server_default=sa.false()),
        schema=S,
    )
    op.add_column(
        "callbacks",
        sa.Column(
            "visit_confirmed", sa.String(length=10), nullable=False, server_default="not_asked"
        ),
        schema=S,
    )
    op.alter_column("callbacks", "audit", server_default=None, schema=S)
    op.alter_column("callbacks", "visit_confirmed", server_default=None, schema=S)
    op.add_column(
        "callbacks",
        sa.Column("queue_rank", sa.SmallInteger(), sa.Computed(QUEUE_RANK_SQL, persisted=True)),
        schema=S,
    )
    op.create_index("ix_callbacks_queue", "callbacks", ["queue_rank", "updated_at", "id"], schema=S)
    op.create_table(
        "review_flags",
        sa.Column("review_id", sa.Uuid(), nullable=False),
        sa.Column("point_id", sa.Uuid(), nullable=False),
        sa.Column("rule", sa.String(length=60), nullable=False),
        sa.Column("action", sa.String(length=20), nullable=False),
        sa.Column("subject", sa.String(length=20), nullable=False),
        sa.Column("job_id", sa.Uuid()),
        sa.Column("flagged_at", TZ, nullable=False),
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("recorded_at", TZ, nullable=False),
        sa.PrimaryKeyConstraint("review_id", name=op.f("pk_review_flags")),
        schema=S,
    )
    op.create_index(
        "ix_review_flags_month_point_id", "review_flags", ["month", "point_id"], schema=S
    )


def downgrade() -> None:
    op.drop_table("review_flags", schema=S)
    op.drop_index("ix_callbacks_queue", table_name="callbacks", schema=S)
    op.drop_column("callbacks", "queue_rank", schema=S)
    op.drop_column("callbacks", "visit_confirmed", schema=S)
    op.drop_column("callbacks", "audit", schema=S)
