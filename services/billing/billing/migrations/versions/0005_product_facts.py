"""billing's projection of registered products

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02 20:00:00

"""

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: Union[str, Sequence[str], None] = "0004"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table(
        "product_facts",
        sa.Column("product_id", sa.Uuid(), primary_key=True),
        sa.Column("customer_id", sa.Uuid(), nullable=False),
        sa.Column("category", sa.String(60), nullable=False),
        sa.Column("model", sa.String(100), nullable=False),
        sa.Column("purchased_on", sa.Date(), nullable=False),
        sa.Column("warranty_until", sa.Date(), nullable=False),
        sa.Column("deregistered", sa.Boolean(), nullable=False),
        sa.Column("tenant_id", sa.String(64)),
        sa.Column("aggregate_version", sa.Integer(), nullable=False),
        sa.Column(
            "updated_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        schema="billing",
    )
    op.create_index(
        "ix_product_facts_customer_id", "product_facts", ["customer_id"], schema="billing"
    )


def downgrade() -> None:
    op.drop_index("ix_product_facts_customer_id", table_name="product_facts", schema="billing")
    op.drop_table("product_facts", schema="billing")
