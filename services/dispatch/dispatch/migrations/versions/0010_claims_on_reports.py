"""a job's claimed warranty exclusion and the cause given for a late arrival

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-03 02:10:00

"""

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0010"
down_revision: Union[str, Sequence[str], None] = "0009"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.add_column("jobs", sa.Column("exclusion", postgresql.JSONB()), schema="dispatch")
    op.add_column("jobs", sa.Column("delay_cause", postgresql.JSONB()), schema="dispatch")


def downgrade() -> None:
    op.drop_column("jobs", "delay_cause", schema="dispatch")
    op.drop_column("jobs", "exclusion", schema="dispatch")
