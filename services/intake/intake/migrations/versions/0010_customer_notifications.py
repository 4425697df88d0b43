"""customer notifications: templates per kind and locale, preferences, the message queue

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-03 06:00:00

"""

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0010"
down_revision: Union[str, Sequence[str], None] = "0009"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "notification_templates",
        sa.Column("kind", sa.String(30), primary_key=True),
        sa.Column("locale", sa.String(10), primary_key=True),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_by", sa.String(200), nullable=False),
        sa.Column("updated_at", TZ, server_default=sa.func.now(), nullable=False),
        schema="intake",
    )
    op.create_table(
        "notification_preferences",
        sa.Column(
            "customer_id",
            postgresql.UUID(),
            sa.ForeignKey("intake.customers.id"),
            primary_key=True,
        ),
        sa.Column("email", sa.Boolean(), nullable=False),
        sa.Column("sms", sa.Boolean(), nullable=False),
        sa.Column("locale", sa.String(10), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", TZ, server_default=sa.func.now(), nullable=False),
        schema="intake",
    )
    op.create_table(
        "notifications",
        sa.Column("id", postgresql.UUID(), primary_key=True),
        sa.Column("event_id", postgresql.UUID(), nullable=False),
        sa.Column("ticket_id", postgresql.UUID(), nullable=False),
        sa.Column("customer_id", postgresql.UUID(), nullable=False),
        sa.Column("kind", sa.String(30), nullable=False),
        sa.Column("channel", sa.String(10), nullable=False),
        sa.Column("locale", sa.String(10), nullable=False),
        sa.Column("template_version", sa.Integer(), nullable=False),
        sa.Column("recipient", sa.String(254)),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("facts", postgresql.JSONB(), nullable=False),
        sa.Column("urgent", sa.Boolean(), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("held_until", TZ),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", TZ, nullable=False),
        sa.Column("last_error", sa.Text()),
        sa.Column("created_at", TZ, server_default=sa.func.now(), nullable=False),
        sa.Column("sent_at", TZ),
        sa.UniqueConstraint("event_id", "channel"),
        schema="intake",
    )
    op.create_index("ix_notifications_ticket_id", "notifications", ["ticket_id"], schema="intake")
    op.create_index(
        "ix_notifications_customer_id", "notifications", ["customer_id"], schema="intake"
    )
    op.create_index(
        "ix_notifications_due",
        "notifications",
        ["next_attempt_at"],
        schema="intake",
        postgresql_where=sa.text("status = 'pending'"),
    )


def downgrade() -> None:
    op.drop_table("notifications", schema="intake")
    op.drop_table("notification_preferences", schema="intake")
    op.drop_table("notification_templates", schema="intake")
