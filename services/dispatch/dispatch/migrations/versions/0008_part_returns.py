"""defective part returns

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02 20:40:00

"""

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: Union[str, Sequence[str], None] = "0007"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "part_returns",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column("job_id", sa.Uuid(), nullable=False),
        sa.Column("ticket_id", sa.Uuid(), nullable=False),
        sa.Column("point_id", sa.Uuid(), nullable=False),
        sa.Column("sku", sa.String(40), nullable=False),
        sa.Column("qty", sa.Integer(), nullable=False),
        sa.Column("service_class", sa.String(1), nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("due_at", TZ, nullable=False),
        sa.Column("carrier", sa.String(100)),
        sa.Column("tracking_no", sa.String(100)),
        sa.Column("shipped_at", TZ),
        sa.Column("received_at", TZ),
        sa.Column("condition", sa.String(20)),
        sa.Column("overdue_at", TZ),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", TZ, nullable=False),
        sa.UniqueConstraint("job_id", "sku", name=op.f("uq_part_returns_job_id_sku")),
        schema="dispatch",
    )
    op.create_index(
        "ix_part_returns_point_status", "part_returns", ["point_id", "status"], schema="dispatch"
    )
    op.create_index(
        "ix_part_returns_overdue_watch",
        "part_returns",
        ["due_at"],
        schema="dispatch",
        postgresql_where=sa.text("status <> 'received' AND overdue_at IS NULL"),
    )


def downgrade() -> None:
    op.drop_index("ix_part_returns_overdue_watch", table_name="part_returns", schema="dispatch")
    op.drop_index("ix_part_returns_point_status", table_name="part_returns", schema="dispatch")
    op.drop_table("part_returns", schema="dispatch")
