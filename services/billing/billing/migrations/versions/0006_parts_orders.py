"""customers' paid parts orders

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02 22:40:00

"""

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0006"
down_revision: Union[str, Sequence[str], None] = "0005"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "parts_orders",
        sa.Column("ticket_id", sa.Uuid(), primary_key=True),
        sa.Column("number", sa.String(20), nullable=False),
        sa.Column("charge_id", sa.Uuid(), nullable=False, unique=True),
        sa.Column("lines", postgresql.JSONB(), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("pay_by", TZ, nullable=False),
        sa.Column("paid_at", TZ),
        sa.Column("cancelled_at", TZ),
        sa.Column("tenant_id", sa.String(64)),
        sa.Column("created_at", TZ, nullable=False),
        schema="billing",
    )
    op.create_index(
        "ix_parts_orders_unpaid",
        "parts_orders",
        ["pay_by"],
        schema="billing",
        postgresql_where=sa.text("status = 'awaiting_payment'"),
    )


def downgrade() -> None:
    op.drop_index("ix_parts_orders_unpaid", table_name="parts_orders", schema="billing")
    op.drop_table("parts_orders", schema="billing")
