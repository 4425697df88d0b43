"""capacity overrides: who made each

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07 11:00:00

"""

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: Union[str, Sequence[str], None] = "0010"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    # Every override made so far counts as the operator's: a point may no longer remove it.
    op.add_column(
        "capacity_overrides",
        sa.Column("made_by", sa.String(length=10), server_default="operator", nullable=False),
        schema="dispatch",
    )
    op.add_column(
        "capacity_overrides",
        sa.Column("created_by", sa.String(length=200), nullable=True),
        schema="dispatch",
    )


def downgrade() -> None:
    op.drop_column("capacity_overrides", "created_by", schema="dispatch")
    op.drop_column("capacity_overrides", "made_by", schema="dispatch")
