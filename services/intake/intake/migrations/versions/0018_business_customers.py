"""customers who are businesses: a customer's type, a ticket's checklist

Revision ID: 0018
Revises: 0017
Create Date: 2027-01-20 11:00:00

Clauses 12-14. What existing rows become: every customer is a ``consumer`` (what it was
treated as), so nothing sent before changes; tickets have no checklist (only the new kinds
``dealer_onboarding``, ``promotion_support`` and ``usage_guidance`` carry one). Adding the
columns writes no row, so ``sync_xid`` stays as it was.
"""

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision: str = "0018"
down_revision: Union[str, Sequence[str], None] = "0017"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

S = "intake"


def upgrade() -> None:
    op.add_column(
        "customers",
        sa.Column("type", sa.String(10), nullable=False, server_default="consumer"),
        schema=S,
    )
    op.create_check_constraint(
        op.f("ck_customers_type"), "customers", "type IN ('consumer', 'dealer', 'direct')", schema=S
    )
    op.add_column("tickets", sa.Column("checklist", JSONB), schema=S)
    op.add_column("tickets", sa.Column("checklist_done_at", sa.DateTime(timezone=True)), schema=S)


def downgrade() -> None:
    op.drop_column("tickets", "checklist_done_at", schema=S)
    op.drop_column("tickets", "checklist", schema=S)
    op.drop_constraint(op.f("ck_customers_type"), "customers", schema=S)
    op.drop_column("customers", "type", schema=S)
