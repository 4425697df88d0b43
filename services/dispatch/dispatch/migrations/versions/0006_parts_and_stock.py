"""parts master, warehouses, the stock ledger

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02 20:10:00

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
        "parts",
        sa.Column("sku", sa.String(40), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("categories", postgresql.ARRAY(sa.String(60)), nullable=False),
        sa.Column("models", postgresql.ARRAY(sa.String(100)), nullable=False),
        sa.Column("unit", sa.String(20), nullable=False),
        sa.Column("standard_cost", sa.BigInteger()),
        sa.Column("return_required", sa.Boolean(), nullable=False),
        sa.Column("return_within_days", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", TZ, server_default=sa.func.now(), nullable=False),
        sa.Column("updated_at", TZ, server_default=sa.func.now(), nullable=False),
        schema="dispatch",
    )
    op.create_table(
        "warehouses",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column("code", sa.String(40), nullable=False, unique=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("region", sa.String(12)),
        sa.Column("created_at", TZ, server_default=sa.func.now(), nullable=False),
        schema="dispatch",
    )
    op.create_table(
        "stock_movements",
        sa.Column("seq", sa.BigInteger(), primary_key=True, autoincrement=True),
        sa.Column("id", sa.Uuid(), nullable=False, unique=True),
        sa.Column("location_id", sa.Uuid(), nullable=False),
        sa.Column("sku", sa.String(40), sa.ForeignKey("dispatch.parts.sku"), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("qty", sa.Integer(), nullable=False),
        sa.Column("on_hand_after", sa.Integer(), nullable=False),
        sa.Column("shortfall_after", sa.Integer(), nullable=False),
        sa.Column("reference", sa.String(200)),
        sa.Column("reason", sa.Text()),
        sa.Column("job_id", sa.Uuid()),
        sa.Column("counterpart_id", sa.Uuid()),
        sa.Column("actor", sa.String(200), nullable=False),
        sa.Column("at", TZ, nullable=False),
        schema="dispatch",
    )
    op.create_index(
        "ix_stock_movements_location_sku_at",
        "stock_movements",
        ["location_id", "sku", "at"],
        schema="dispatch",
    )
    op.create_index("ix_stock_movements_at_id", "stock_movements", ["at", "id"], schema="dispatch")
    op.create_table(
        "stock_levels",
        sa.Column("location_id", sa.Uuid(), primary_key=True),
        sa.Column("sku", sa.String(40), sa.ForeignKey("dispatch.parts.sku"), primary_key=True),
        sa.Column("on_hand", sa.Integer(), nullable=False),
        sa.Column("reserved", sa.Integer(), nullable=False),
        sa.Column("in_transit", sa.Integer(), nullable=False),
        sa.Column("shortfall", sa.Integer(), nullable=False),
        sa.Column("reorder_level", sa.Integer()),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", TZ, server_default=sa.func.now(), nullable=False),
        schema="dispatch",
    )
    # The ledger is history: a movement is never changed or removed, only answered by another.
    op.execute(
        """
        CREATE FUNCTION dispatch.ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'stock movements are append-only (% refused)', TG_OP;
        END $$
        """
    )
    op.execute(
        "CREATE TRIGGER stock_movements_append_only BEFORE UPDATE OR DELETE ON"
        " dispatch.stock_movements FOR EACH ROW EXECUTE FUNCTION dispatch.ledger_append_only()"
    )


def downgrade() -> None:
    op.execute("DROP TRIGGER stock_movements_append_only ON dispatch.stock_movements")
    op.execute("DROP FUNCTION dispatch.ledger_append_only()")
    op.drop_table("stock_levels", schema="dispatch")
    op.drop_index("ix_stock_movements_at_id", table_name="stock_movements", schema="dispatch")
    op.drop_index(
        "ix_stock_movements_location_sku_at", table_name="stock_movements", schema="dispatch"
    )
    op.drop_table("stock_movements", schema="dispatch")
    op.drop_table("warehouses", schema="dispatch")
    op.drop_table("parts", schema="dispatch")
