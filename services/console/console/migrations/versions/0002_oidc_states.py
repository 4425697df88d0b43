"""sign-ins begun with the identity provider (OpenID Connect)

Revision ID: 0002
Revises: 0001
Create Date: 2027-02-12 10:00:00
"""

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: Union[str, Sequence[str], None] = "0001"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table(
        "oidc_states",
        sa.Column("state_hash", sa.String(64), primary_key=True),
        sa.Column("nonce", sa.String(64), nullable=False),
        sa.Column("verifier", sa.String(128), nullable=False),
        sa.Column("next", sa.Text()),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        schema="console",
    )


def downgrade() -> None:
    op.drop_table("oidc_states", schema="console")
