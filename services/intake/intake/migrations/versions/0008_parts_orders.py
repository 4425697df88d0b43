"""parts orders: tickets with lines and no product; billing's clock answers them

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02 22:30:00

"""

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0008"
down_revision: Union[str, Sequence[str], None] = "0007"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

WATCHED = "respond_clock IN ('intake', 'billing') AND responded_at IS NULL AND response_breached_at IS NULL"


def upgrade() -> None:
    op.alter_column("tickets", "product_id", nullable=True, schema="intake")
    op.add_column("tickets", sa.Column("lines", postgresql.JSONB()), schema="intake")
    op.add_column("tickets", sa.Column("parts_order", postgresql.JSONB()), schema="intake")
    op.drop_index("ix_tickets_respond_due", table_name="tickets", schema="intake")
    op.create_index(
        "ix_tickets_respond_due",
        "tickets",
        ["respond_by"],
        schema="intake",
        postgresql_where=sa.text(WATCHED),
    )


def downgrade() -> None:
    op.drop_index("ix_tickets_respond_due", table_name="tickets", schema="intake")
    op.create_index(
        "ix_tickets_respond_due",
        "tickets",
        ["respond_by"],
        schema="intake",
        postgresql_where=sa.text(
            "respond_clock = 'intake' AND responded_at IS NULL AND response_breached_at IS NULL"
        ),
    )
    op.drop_column("tickets", "parts_order", schema="intake")
    op.drop_column("tickets", "lines", schema="intake")
    op.execute("DELETE FROM intake.tickets WHERE product_id IS NULL")
    op.alter_column("tickets", "product_id", nullable=False, schema="intake")
