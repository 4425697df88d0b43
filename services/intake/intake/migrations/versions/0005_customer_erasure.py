"""customer erasure

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02 17:00:00

"""

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: Union[str, Sequence[str], None] = "0004"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.add_column(
        "customers",
        sa.Column("erased_at", sa.DateTime(timezone=True), nullable=True),
        schema="intake",
    )


def downgrade() -> None:
    op.drop_column("customers", "erased_at", schema="intake")
