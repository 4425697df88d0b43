"""reports: when the arrival and the completion reached dispatch

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07 11:00:00

"""

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: Union[str, Sequence[str], None] = "0011"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

COLUMNS = ("arrived_received_at", "completed_received_at")


def upgrade() -> None:
    for column in COLUMNS:
        op.add_column(
            "jobs", sa.Column(column, sa.DateTime(timezone=True), nullable=True), schema="dispatch"
        )


def downgrade() -> None:
    for column in COLUMNS:
        op.drop_column("jobs", column, schema="dispatch")
