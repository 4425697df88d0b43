"""the console's sessions and one-time sign-in links

Revision ID: 0001
Revises:
Create Date: 2027-02-10 10:00:00
"""

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0001"
down_revision: Union[str, Sequence[str], None] = None
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

TZ = sa.DateTime(timezone=True)
S = "console"


def upgrade() -> None:
    op.create_table(
        "sessions",
        sa.Column("id_hash", sa.String(64), primary_key=True),
        sa.Column("principal", postgresql.JSONB(), nullable=False),
        sa.Column("token", sa.Text(), nullable=False),
        sa.Column("csrf", sa.String(64), nullable=False),
        sa.Column("language", sa.String(10), nullable=False),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("last_seen_at", TZ, nullable=False),
        sa.Column("expires_at", TZ, nullable=False),
        schema=S,
    )
    op.create_table(
        "sign_in_links",
        sa.Column("code_hash", sa.String(64), primary_key=True),
        sa.Column("principal", postgresql.JSONB(), nullable=False),
        sa.Column("token", sa.Text(), nullable=False),
        sa.Column("next", sa.Text()),
        sa.Column("expires_at", TZ, nullable=False),
        schema=S,
    )


def downgrade() -> None:
    op.drop_table("sign_in_links", schema=S)
    op.drop_table("sessions", schema=S)
