"""paused clocks

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02 19:40:00

"""

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: Union[str, Sequence[str], None] = "0003"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.add_column("sla_timers", sa.Column("paused_at", TZ), schema="dispatch")
    op.add_column("jobs", sa.Column("paused_at", TZ), schema="dispatch")
    op.add_column("jobs", sa.Column("pause_reason", sa.String(20)), schema="dispatch")


def downgrade() -> None:
    op.drop_column("jobs", "pause_reason", schema="dispatch")
    op.drop_column("jobs", "paused_at", schema="dispatch")
    op.drop_column("sla_timers", "paused_at", schema="dispatch")
