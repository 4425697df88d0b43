"""held charges

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02 16:45:00

"""

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: Union[str, Sequence[str], None] = "0003"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.add_column("charges", sa.Column("held_reason", sa.Text(), nullable=True), schema="billing")
    op.add_column("charges", sa.Column("released_by", sa.Text(), nullable=True), schema="billing")
    op.add_column(
        "charges",
        sa.Column("released_at", sa.DateTime(timezone=True), nullable=True),
        schema="billing",
    )


def downgrade() -> None:
    for column in ("released_at", "released_by", "held_reason"):
        op.drop_column("charges", column, schema="billing")
