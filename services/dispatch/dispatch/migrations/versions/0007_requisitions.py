"""requisitions

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02 20:20:00

"""

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0007"
down_revision: Union[str, Sequence[str], None] = "0006"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "requisitions",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column("point_id", sa.Uuid(), nullable=False),
        sa.Column("job_id", sa.Uuid()),
        sa.Column("urgent", sa.Boolean(), nullable=False),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("lines", postgresql.JSONB(), nullable=False),
        sa.Column("from_location_id", sa.Uuid()),
        sa.Column("carrier", sa.String(100)),
        sa.Column("tracking_no", sa.String(100)),
        sa.Column("reason", sa.Text()),
        sa.Column("requested_by", sa.String(200), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("updated_at", TZ, nullable=False),
        schema="dispatch",
    )
    op.create_index(
        "ix_requisitions_point_status", "requisitions", ["point_id", "status"], schema="dispatch"
    )
    op.create_index("ix_requisitions_job_id", "requisitions", ["job_id"], schema="dispatch")


def downgrade() -> None:
    op.drop_index("ix_requisitions_job_id", table_name="requisitions", schema="dispatch")
    op.drop_index("ix_requisitions_point_status", table_name="requisitions", schema="dispatch")
    op.drop_table("requisitions", schema="dispatch")
