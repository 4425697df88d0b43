"""fault codes, report outcomes, failed inspections; tickets that needed no visit

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02 20:00:00

"""

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0005"
down_revision: Union[str, Sequence[str], None] = "0004"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

JOB_COLUMNS = ("symptom_code", "cause_code", "action_code", "outcome")


def upgrade() -> None:
    op.create_table(
        "remote_tickets",
        sa.Column("ticket_id", sa.Uuid(), primary_key=True),
        sa.Column("facts", postgresql.JSONB(), nullable=False),
        sa.Column(
            "created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        schema="dispatch",
    )
    op.create_table(
        "fault_codes",
        sa.Column("category", sa.String(60), primary_key=True),
        sa.Column("symptoms", postgresql.JSONB(), nullable=False),
        sa.Column("causes", postgresql.JSONB(), nullable=False),
        sa.Column("actions", postgresql.JSONB(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column(
            "updated_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        schema="dispatch",
    )
    for name in JOB_COLUMNS:
        length = 20 if name == "outcome" else 40
        op.add_column("jobs", sa.Column(name, sa.String(length)), schema="dispatch")
    op.add_column(
        "repair_cards",
        sa.Column(
            "failed_inspections",
            postgresql.JSONB(),
            nullable=False,
            server_default=sa.text("'[]'::jsonb"),
        ),
        schema="dispatch",
    )


def downgrade() -> None:
    op.drop_column("repair_cards", "failed_inspections", schema="dispatch")
    for name in JOB_COLUMNS:
        op.drop_column("jobs", name, schema="dispatch")
    op.drop_table("fault_codes", schema="dispatch")
    op.drop_table("remote_tickets", schema="dispatch")
