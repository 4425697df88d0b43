"""customers, receptions with their host, planned-visit alerts, staff fines

Revision ID: 0009
Revises: 0008
Create Date: 2027-01-21 10:00:00

Clause 7: a visiting customer has a host from arrival to departure, and a substantiated
complaint about the reception fines the host. Clause 8: a planned visit that is late is
reported once. Clauses 12-14: a direct customer's usage-tracking visits are a care plan.

- ``customers``: the name and type intake's ticket events give (empty at first: filled as
  tickets are heard of).
- ``receptions``; ``complaints.reception_id``; ``staff_fines`` (one per complaint).
- ``care_plans.purpose`` (every existing plan is ``care``), one ``usage_tracking`` plan per
  customer; ``visit_alerts``, one per plan and due day (the claim of the replica that reports).
"""

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0009"
down_revision: Union[str, Sequence[str], None] = "0008"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

S = "feedback"
TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "customers",
        sa.Column("customer_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("type", sa.String(length=10)),
        sa.Column("first_seen_at", TZ, nullable=False),
        sa.Column("updated_at", TZ, nullable=False),
        sa.PrimaryKeyConstraint("customer_id", name=op.f("pk_customers")),
        schema=S,
    )
    op.create_table(
        "receptions",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("customer_id", sa.Uuid(), nullable=False),
        sa.Column("host_staff_id", sa.Uuid(), nullable=False),
        sa.Column("arrives_at", TZ, nullable=False),
        sa.Column("departs_at", TZ, nullable=False),
        sa.Column("arrangements", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("notes", sa.Text()),
        sa.Column("created_by", sa.String(length=200), nullable=False),
        sa.Column("created_at", TZ, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_receptions")),
        schema=S,
    )
    op.create_index(op.f("ix_receptions_customer_id"), "receptions", ["customer_id"], schema=S)
    op.create_index(op.f("ix_receptions_host_staff_id"), "receptions", ["host_staff_id"], schema=S)
    op.create_index("ix_receptions_arrives_at_id", "receptions", ["arrives_at", "id"], schema=S)
    op.add_column("complaints", sa.Column("reception_id", sa.Uuid()), schema=S)
    op.create_index(op.f("ix_complaints_reception_id"), "complaints", ["reception_id"], schema=S)
    op.create_table(
        "staff_fines",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("staff_id", sa.Uuid(), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("point_id", sa.Uuid()),
        sa.Column("complaint_id", sa.Uuid(), nullable=False),
        sa.Column("reception_id", sa.Uuid()),
        sa.Column("reason", sa.String(length=20), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("decided_at", TZ, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff_fines")),
        sa.UniqueConstraint("complaint_id", name=op.f("uq_staff_fines_complaint_id")),
        schema=S,
    )
    op.create_index(op.f("ix_staff_fines_staff_id"), "staff_fines", ["staff_id"], schema=S)
    op.add_column(
        "care_plans",
        sa.Column("purpose", sa.String(length=20), nullable=False, server_default="care"),
        schema=S,
    )
    op.alter_column("care_plans", "purpose", server_default=None, schema=S)
    op.create_index(
        "ux_care_plans_usage_tracking",
        "care_plans",
        ["customer_id"],
        unique=True,
        schema=S,
        postgresql_where=sa.text("purpose = 'usage_tracking'"),
    )
    op.create_table(
        "visit_alerts",
        sa.Column("plan_id", sa.Uuid(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("noticed_at", TZ, nullable=False),
        sa.PrimaryKeyConstraint("plan_id", "due_on", name=op.f("pk_visit_alerts")),
        schema=S,
    )


def downgrade() -> None:
    op.drop_table("visit_alerts", schema=S)
    op.drop_index("ux_care_plans_usage_tracking", table_name="care_plans", schema=S)
    op.drop_column("care_plans", "purpose", schema=S)
    op.drop_table("staff_fines", schema=S)
    op.drop_index(op.f("ix_complaints_reception_id"), table_name="complaints", schema=S)
    op.drop_column("complaints", "reception_id", schema=S)
    op.drop_table("receptions", schema=S)
    op.drop_table("customers", schema=S)
