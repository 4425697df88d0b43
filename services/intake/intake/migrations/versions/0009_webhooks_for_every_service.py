"""webhooks for every service: a subscription's owner and scope; deliveries in order per aggregate

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-03 05:00:00

"""

import json
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0009"
down_revision: Union[str, Sequence[str], None] = "0008"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def _only_intake(pattern: str) -> str:
    """Until now every subscription received intake's events only; a pattern whose first token
    was a wildcard keeps meaning exactly that (``>`` becomes ``intake.>``)."""
    if pattern == ">":
        return "intake.>"
    head, _, rest = pattern.partition(".")
    return f"intake.{rest}" if head == "*" else pattern


def upgrade() -> None:
    op.add_column(
        "webhook_subscriptions",
        sa.Column("owner_role", sa.String(20), nullable=False, server_default="staff"),
        schema="intake",
    )
    op.add_column("webhook_subscriptions", sa.Column("owner_scope", sa.String(64)), schema="intake")
    op.execute(
        "UPDATE intake.webhook_subscriptions SET owner_role = 'crm', owner_scope = tenant_id"
        " WHERE tenant_id IS NOT NULL"
    )
    conn = op.get_bind()
    rows = conn.execute(sa.text("SELECT id, events FROM intake.webhook_subscriptions")).all()
    for row in rows:
        events = [_only_intake(p) for p in row.events]
        if events != row.events:
            conn.execute(
                sa.text(
                    "UPDATE intake.webhook_subscriptions SET events = CAST(:e AS jsonb)"
                    " WHERE id = :id"
                ),
                {"e": json.dumps(events), "id": row.id},
            )
    op.create_index(
        "ix_webhook_subscriptions_owner",
        "webhook_subscriptions",
        ["owner_role", "owner_scope"],
        schema="intake",
    )
    op.add_column(
        "webhook_deliveries", sa.Column("aggregate_id", postgresql.UUID()), schema="intake"
    )
    op.add_column(
        "webhook_deliveries",
        sa.Column("seq", sa.BigInteger(), sa.Identity(always=False), nullable=False),
        schema="intake",
    )
    op.create_index(
        "ix_webhook_deliveries_lane",
        "webhook_deliveries",
        ["subscription_id", "aggregate_id", "seq"],
        schema="intake",
        postgresql_where=sa.text("status = 'pending'"),
    )


def downgrade() -> None:
    op.drop_index("ix_webhook_deliveries_lane", table_name="webhook_deliveries", schema="intake")
    op.drop_column("webhook_deliveries", "seq", schema="intake")
    op.drop_column("webhook_deliveries", "aggregate_id", schema="intake")
    op.drop_index(
        "ix_webhook_subscriptions_owner", table_name="webhook_subscriptions", schema="intake"
    )
    op.drop_column("webhook_subscriptions", "owner_scope", schema="intake")
    op.drop_column("webhook_subscriptions", "owner_role", schema="intake")
