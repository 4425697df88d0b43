"""webhook failures: when a subscription began failing, quiet hours broken once a night

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
    op.add_column(
        "webhook_subscriptions",
        sa.Column("failing_since", sa.DateTime(timezone=True)),
        schema="intake",
    )
    op.create_index(
        "ix_webhook_deliveries_subscription_due",
        "webhook_deliveries",
        ["subscription_id", "next_attempt_at"],
        schema="intake",
        postgresql_where=sa.text("status = 'pending'"),
    )
    op.add_column(
        "notifications",
        sa.Column(
            "broke_quiet_hours", sa.Boolean(), server_default=sa.text("false"), nullable=False
        ),
        schema="intake",
    )


def downgrade() -> None:
    op.drop_column("notifications", "broke_quiet_hours", schema="intake")
    op.drop_index(
        "ix_webhook_deliveries_subscription_due", table_name="webhook_deliveries", schema="intake"
    )
    op.drop_column("webhook_subscriptions", "failing_since", schema="intake")
