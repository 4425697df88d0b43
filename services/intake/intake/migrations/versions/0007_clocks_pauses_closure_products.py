"""ticket clocks, pauses and closure reasons; installation addresses of products

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02 19:30:00

"""

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0007"
down_revision: Union[str, Sequence[str], None] = "0006"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

TZ = sa.DateTime(timezone=True)


def _ticket_columns() -> list[sa.Column]:  # type: ignore[type-arg]
    return [
        sa.Column("respond_clock", sa.String(10), nullable=False, server_default="dispatch"),
        sa.Column("responded_at", TZ),
        sa.Column("response_summary", sa.Text()),
        sa.Column("response_breached_at", TZ),
        sa.Column("complete_by", TZ),
        sa.Column("completion_breached_at", TZ),
        sa.Column("paused_at", TZ),
        sa.Column("pause_reason", sa.String(20)),
        sa.Column("pause_note", sa.Text()),
        sa.Column("paused_by", sa.String(120)),
        sa.Column("paused_seconds", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("closure_reason", sa.String(20)),
        sa.Column("complaint_id", sa.Uuid()),
    ]


def _product_columns() -> list[sa.Column]:  # type: ignore[type-arg]
    return [
        sa.Column("install_region", sa.String(12)),
        sa.Column("install_city", sa.String(100)),
        sa.Column("install_line", sa.String(300)),
        sa.Column("install_postal_code", sa.String(12)),
        sa.Column("notes", sa.Text()),
        sa.Column("deregistered_at", TZ),
    ]


def upgrade() -> None:
    for column in _ticket_columns():
        op.add_column("tickets", column, schema="intake")
    for column in _product_columns():
        op.add_column("products", column, schema="intake")
    op.add_column("ticket_jobs", sa.Column("cause_code", sa.String(40)), schema="intake")
    op.add_column(
        "ticket_jobs",
        sa.Column("failed", sa.Boolean(), nullable=False, server_default="false"),
        schema="intake",
    )
    op.add_column(
        "service_catalogue",
        sa.Column(
            "complete_within_hours",
            postgresql.JSONB(),
            nullable=False,
            server_default=sa.text("'{}'::jsonb"),
        ),
        schema="intake",
    )
    # Tickets from before: which clock answers them, and why the ended ones ended.
    op.execute(
        "UPDATE intake.tickets SET respond_clock = CASE"
        " WHEN kind = 'complaint' THEN 'feedback'"
        " WHEN kind = 'consultation' THEN 'intake' ELSE 'dispatch' END"
    )
    op.execute(
        "UPDATE intake.tickets SET closure_reason = CASE status"
        " WHEN 'closed' THEN 'satisfied' WHEN 'cancelled' THEN 'cancelled'"
        " ELSE 'resolved_remotely' END"
        " WHERE status IN ('closed', 'cancelled', 'resolved_remotely')"
    )
    # The breach scanners look only at running clocks.
    op.create_index(
        "ix_tickets_respond_due",
        "tickets",
        ["respond_by"],
        schema="intake",
        postgresql_where=sa.text(
            "respond_clock = 'intake' AND responded_at IS NULL AND response_breached_at IS NULL"
        ),
    )
    op.create_index(
        "ix_tickets_complete_due",
        "tickets",
        ["complete_by"],
        schema="intake",
        postgresql_where=sa.text("complete_by IS NOT NULL AND completion_breached_at IS NULL"),
    )


def downgrade() -> None:
    op.drop_index("ix_tickets_complete_due", table_name="tickets", schema="intake")
    op.drop_index("ix_tickets_respond_due", table_name="tickets", schema="intake")
    op.drop_column("service_catalogue", "complete_within_hours", schema="intake")
    op.drop_column("ticket_jobs", "failed", schema="intake")
    op.drop_column("ticket_jobs", "cause_code", schema="intake")
    for name in [c.name for c in _product_columns()]:
        op.drop_column("products", name, schema="intake")
    for name in [c.name for c in _ticket_columns()]:
        op.drop_column("tickets", name, schema="intake")
