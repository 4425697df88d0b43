"""jobs: the agreed window and the topic; parts orders: the promised arrival; delivery bands

Revision ID: 0016
Revises: 0015
Create Date: 2027-01-12 10:00:00

A ticket may now be opened without a product (a sales training, a sample): the job keeps the
``topic``. The customer's window may be agreed with the centre (``intake.ticket.window_agreed.v1``):
a booking must then lie inside it. A parts order shipped to the door gets an arrival date
promised by the distance from its warehouse (the operator's delivery bands).
"""

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0016"
down_revision: Union[str, Sequence[str], None] = "0015"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.add_column("jobs", sa.Column("topic", sa.Text()), schema="dispatch")
    op.add_column(
        "jobs",
        sa.Column("window_agreed", sa.Boolean(), server_default=sa.false(), nullable=False),
        schema="dispatch",
    )
    op.add_column("jobs", sa.Column("window_agreed_at", TZ), schema="dispatch")
    op.add_column("jobs", sa.Column("window_agreed_by", sa.String(200)), schema="dispatch")
    op.add_column("parts_orders", sa.Column("promised_by", sa.Date()), schema="dispatch")
    op.add_column("parts_orders", sa.Column("promise_days", sa.Integer()), schema="dispatch")
    op.add_column("parts_orders", sa.Column("promise_basis", sa.String(100)), schema="dispatch")
    op.add_column("parts_orders", sa.Column("days_late", sa.Integer()), schema="dispatch")
    op.create_table(
        "delivery_bands",
        sa.Column("key", sa.String(20), primary_key=True),
        sa.Column("pairs", postgresql.JSONB(), nullable=False),
        sa.Column("prefix_bands", postgresql.JSONB(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", TZ, server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_by", sa.String(200)),
        schema="dispatch",
    )


def downgrade() -> None:
    op.drop_table("delivery_bands", schema="dispatch")
    for column in ("days_late", "promise_basis", "promise_days", "promised_by"):
        op.drop_column("parts_orders", column, schema="dispatch")
    for column in ("window_agreed_by", "window_agreed_at", "window_agreed", "topic"):
        op.drop_column("jobs", column, schema="dispatch")
