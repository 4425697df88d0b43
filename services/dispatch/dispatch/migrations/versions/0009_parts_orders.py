"""customers' paid parts orders, shipped from a warehouse; the class each job was charged

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02 22:50:00

"""

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0009"
down_revision: Union[str, Sequence[str], None] = "0008"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.add_column("jobs", sa.Column("service_class", sa.String(1)), schema="dispatch")
    op.create_table(
        "parts_orders",
        sa.Column("ticket_id", sa.Uuid(), primary_key=True),
        sa.Column("number", sa.String(20)),
        sa.Column("charge_id", sa.Uuid()),
        sa.Column("lines", postgresql.JSONB(), nullable=False),
        sa.Column("customer", postgresql.JSONB()),
        sa.Column("ship_to", postgresql.JSONB()),
        sa.Column("tenant_id", sa.String(64)),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("paid_at", TZ),
        sa.Column("ship_by", TZ),
        sa.Column("from_location_id", sa.Uuid()),
        sa.Column("carrier", sa.String(100)),
        sa.Column("tracking_no", sa.String(100)),
        sa.Column("shipped_at", TZ),
        sa.Column("delivered_at", TZ),
        sa.Column("overdue_at", TZ),
        sa.Column("cancelled_at", TZ),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", TZ, nullable=False),
        schema="dispatch",
    )
    op.create_index(
        "ix_parts_orders_status_ship_by", "parts_orders", ["status", "ship_by"], schema="dispatch"
    )
    op.create_index(
        "ix_parts_orders_ship_watch",
        "parts_orders",
        ["ship_by"],
        schema="dispatch",
        postgresql_where=sa.text("status = 'paid' AND overdue_at IS NULL"),
    )


def downgrade() -> None:
    op.drop_index("ix_parts_orders_ship_watch", table_name="parts_orders", schema="dispatch")
    op.drop_index("ix_parts_orders_status_ship_by", table_name="parts_orders", schema="dispatch")
    op.drop_table("parts_orders", schema="dispatch")
    op.drop_column("jobs", "service_class", schema="dispatch")
