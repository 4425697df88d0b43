"""tickets without a product, staff rewards paid through settlements, late deliveries

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-08 10:00:00

- ``ticket_facts``: a ticket may have no product (sales training, a sample with no registered
  product), so its product, purchase date and warranty may be empty; existing rows keep theirs.
- ``staff_rewards``: ``feedback.staff.rewarded.v1``, once per reward; a partner point's staff are
  paid through its settlement.
- ``charges.delivery_delay``: a parts order delivered after its promised date, its compensation
  (a credit note) and finance's waiver. Existing charges have none.
"""

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0011"
down_revision: Union[str, Sequence[str], None] = "0010"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

TZ = sa.DateTime(timezone=True)
S = "billing"
OPTIONAL = ("product_id", "purchased_on", "warranty_until")


def upgrade() -> None:
    for column in OPTIONAL:
        op.alter_column("ticket_facts", column, nullable=True, schema=S)
    op.add_column("charges", sa.Column("delivery_delay", postgresql.JSONB()), schema=S)
    op.create_table(
        "staff_rewards",
        sa.Column("reward_id", sa.Uuid(), primary_key=True),
        sa.Column("staff_id", sa.Uuid(), nullable=False),
        sa.Column("role", sa.String(30), nullable=False),
        sa.Column("point_id", sa.Uuid()),
        sa.Column("technician_id", sa.Uuid()),
        sa.Column("month", sa.String(7), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("currency", sa.String(3), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("paid_through_point", sa.Boolean(), nullable=False),
        sa.Column("settlement_month", sa.String(7)),
        sa.Column("decided_at", TZ, nullable=False),
        sa.Column("recorded_at", TZ, nullable=False),
        schema=S,
    )
    op.create_index("ix_staff_rewards_staff_id", "staff_rewards", ["staff_id"], schema=S)
    op.create_index(
        "ix_staff_rewards_point_id_month",
        "staff_rewards",
        ["point_id", "settlement_month"],
        schema=S,
    )


def downgrade() -> None:
    op.drop_index("ix_staff_rewards_point_id_month", table_name="staff_rewards", schema=S)
    op.drop_index("ix_staff_rewards_staff_id", table_name="staff_rewards", schema=S)
    op.drop_table("staff_rewards", schema=S)
    op.drop_column("charges", "delivery_delay", schema=S)
    # A ticket without a product cannot go back to a schema that requires one.
    op.execute("DELETE FROM billing.ticket_facts WHERE product_id IS NULL")
    for column in OPTIONAL:
        op.alter_column("ticket_facts", column, nullable=False, schema=S)
