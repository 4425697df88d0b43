"""sealed webhook secrets

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02 17:20:00

"""

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: Union[str, Sequence[str], None] = "0005"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    # A sealed secret is longer; the service seals the existing ones at its next start.
    for column in ("secret", "previous_secret"):
        op.alter_column(
            "webhook_subscriptions",
            column,
            type_=sa.Text(),
            existing_type=sa.String(length=100),
            schema="intake",
        )


def downgrade() -> None:
    for column in ("secret", "previous_secret"):
        op.alter_column(
            "webhook_subscriptions",
            column,
            type_=sa.String(length=100),
            existing_type=sa.Text(),
            schema="intake",
        )
