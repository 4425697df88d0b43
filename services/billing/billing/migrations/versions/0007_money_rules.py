"""money as the original document keeps it: contract fees and visits, campaigns, exclusions,
late-compensation waivers, supplementary charges, cash handovers, callback outcomes, refund
vouchers, the staff penalty ledger, points' partner status

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03 02:00:00

"""

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0007"
down_revision: Union[str, Sequence[str], None] = "0006"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

TZ = sa.DateTime(timezone=True)
S = "billing"


def _add(table: str, *columns: sa.Column) -> None:
    for column in columns:
        op.add_column(table, column, schema=S)


def upgrade() -> None:
    _add("ticket_facts", sa.Column("region", sa.String(60)))
    _add(
        "completed_jobs",
        sa.Column("exclusion", postgresql.JSONB()),
        sa.Column("delay_cause", postgresql.JSONB()),
    )
    _add(
        "contracts",
        sa.Column("fee", sa.BigInteger(), nullable=False, server_default="0"),
        sa.Column("currency", sa.String(3), nullable=False, server_default="CNY"),
        sa.Column("schedule", sa.String(10), nullable=False, server_default="once"),
        sa.Column("maintenance_visits_per_year", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("next_invoice_on", sa.Date()),
        sa.Column("renewed_from", sa.Uuid(), unique=True),
        sa.Column("renewed_by", sa.Uuid()),
        sa.Column("expiring_notified_at", TZ),
    )
    for column in ("fee", "currency", "schedule", "maintenance_visits_per_year"):
        op.alter_column("contracts", column, server_default=None, schema=S)
    op.create_index("ix_contracts_next_invoice_on", "contracts", ["next_invoice_on"], schema=S)
    op.create_table(
        "contract_invoices",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column("number", sa.String(20), nullable=False, unique=True),
        sa.Column("contract_id", sa.Uuid(), sa.ForeignKey("billing.contracts.id"), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("currency", sa.String(3), nullable=False),
        sa.Column("paid_total", sa.BigInteger(), nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("issued_at", TZ, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.UniqueConstraint("contract_id", "period_start"),
        schema=S,
    )
    op.create_index(
        "ix_contract_invoices_contract_id", "contract_invoices", ["contract_id"], schema=S
    )
    op.create_table(
        "contract_payments",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column(
            "contract_invoice_id",
            sa.Uuid(),
            sa.ForeignKey("billing.contract_invoices.id"),
            nullable=False,
        ),
        sa.Column("method", sa.String(10), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("recorded_by", sa.String(200), nullable=False),
        sa.Column("paid_at", TZ, nullable=False),
        schema=S,
    )
    op.create_index(
        "ix_contract_payments_contract_invoice_id",
        "contract_payments",
        ["contract_invoice_id"],
        schema=S,
    )
    op.create_table(
        "planned_visits",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column("contract_id", sa.Uuid(), sa.ForeignKey("billing.contracts.id"), nullable=False),
        sa.Column("product_id", sa.Uuid(), nullable=False),
        sa.Column("visit_no", sa.Integer(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("requested_at", TZ),
        sa.UniqueConstraint("contract_id", "product_id", "due_on"),
        schema=S,
    )
    op.create_index("ix_planned_visits_contract_id", "planned_visits", ["contract_id"], schema=S)
    op.create_index(
        "ix_planned_visits_unrequested",
        "planned_visits",
        ["due_on"],
        schema=S,
        postgresql_where=sa.text("requested_at IS NULL"),
    )
    op.create_table(
        "campaigns",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column("name", sa.String(120), nullable=False),
        sa.Column("categories", postgresql.JSONB(), nullable=False),
        sa.Column("regions", postgresql.JSONB(), nullable=False),
        sa.Column("kinds", postgresql.JSONB(), nullable=False),
        sa.Column("from_on", sa.Date(), nullable=False),
        sa.Column("to_on", sa.Date(), nullable=False),
        sa.Column("covers", postgresql.JSONB(), nullable=False),
        sa.Column("created_by", sa.String(200), nullable=False),
        sa.Column("created_at", TZ, nullable=False),
        schema=S,
    )
    op.create_index("ix_campaigns_from_on", "campaigns", ["from_on"], schema=S)
    op.create_index("ix_campaigns_to_on", "campaigns", ["to_on"], schema=S)

    _add(
        "charges",
        sa.Column("campaign_id", sa.Uuid()),
        sa.Column("exclusion", postgresql.JSONB()),
        sa.Column("late_minutes", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("delay_cause", postgresql.JSONB()),
        sa.Column("late_waived", postgresql.JSONB()),
        sa.Column("unpaid_reason", sa.Text()),
        sa.Column("number", sa.String(20), unique=True),
        sa.Column("supplements", sa.Uuid()),
    )
    op.alter_column("charges", "late_minutes", server_default=None, schema=S)
    op.create_index("ix_charges_supplements", "charges", ["supplements"], schema=S)
    op.drop_index("uq_charges_remote_ticket", table_name="charges", schema=S)
    op.create_index(
        "uq_charges_remote_ticket",
        "charges",
        ["ticket_id"],
        unique=True,
        schema=S,
        postgresql_where=sa.text("job_id IS NULL AND supplements IS NULL"),
    )
    _add(
        "payments",
        sa.Column("held_by", sa.Uuid()),
        sa.Column("point_id", sa.Uuid()),
        sa.Column("handover_id", sa.Uuid()),
        sa.Column("netted_month", sa.String(7)),
    )
    op.create_index("ix_payments_held_by", "payments", ["held_by"], schema=S)
    op.create_table(
        "cash_handovers",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column("technician_id", sa.Uuid(), nullable=False),
        sa.Column("point_id", sa.Uuid()),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("currency", sa.String(3), nullable=False),
        sa.Column("payments", sa.Integer(), nullable=False),
        sa.Column("received_by", sa.String(200), nullable=False),
        sa.Column("handed_at", TZ, nullable=False),
        schema=S,
    )
    op.create_index(
        "ix_cash_handovers_technician_id", "cash_handovers", ["technician_id"], schema=S
    )
    _add("invoices", sa.Column("paid", sa.Boolean(), nullable=False, server_default="false"))
    op.alter_column("invoices", "paid", server_default=None, schema=S)
    _add(
        "remedies",
        sa.Column("voucher_no", sa.String(20), unique=True),
        sa.Column("paid_at", TZ),
        sa.Column("paid_by", sa.String(200)),
        sa.Column("payment_method", sa.String(10)),
        sa.Column("payment_reference", sa.String(100)),
    )
    op.create_table(
        "staff_penalties",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column("technician_id", sa.Uuid(), nullable=False),
        sa.Column("point_id", sa.Uuid()),
        sa.Column("complaint_id", sa.Uuid(), nullable=False, unique=True),
        sa.Column("strike", sa.Integer(), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("currency", sa.String(3), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("deducted_from_point", sa.Boolean(), nullable=False),
        sa.Column("month", sa.String(7), nullable=False),
        sa.Column("decided_at", TZ, nullable=False),
        schema=S,
    )
    op.create_index(
        "ix_staff_penalties_technician_id", "staff_penalties", ["technician_id"], schema=S
    )
    op.create_table(
        "point_facts",
        sa.Column("point_id", sa.Uuid(), primary_key=True),
        sa.Column("code", sa.String(40), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("is_partner", sa.Boolean(), nullable=False),
        sa.Column("aggregate_version", sa.Integer(), nullable=False),
        sa.Column("updated_at", TZ, nullable=False),
        schema=S,
    )
    op.create_table(
        "callback_facts",
        sa.Column("callback_id", sa.Uuid(), primary_key=True),
        sa.Column("ticket_id", sa.Uuid(), nullable=False),
        sa.Column("job_id", sa.Uuid()),
        sa.Column("point_id", sa.Uuid()),
        sa.Column("outcome", sa.String(30)),
        sa.Column("recorded_at", TZ, nullable=False),
        schema=S,
    )
    op.create_index(
        "ix_callback_facts_ticket", "callback_facts", ["ticket_id", "recorded_at"], schema=S
    )
    op.create_table(
        "graded_months",
        sa.Column("month", sa.String(7), primary_key=True),
        sa.Column("runs", sa.Integer(), nullable=False),
        sa.Column("last_completed_at", TZ, nullable=False),
        schema=S,
    )
    _add("closed_months", sa.Column("forced_reason", sa.Text()))


def downgrade() -> None:
    op.drop_column("closed_months", "forced_reason", schema=S)
    op.drop_index("ix_contracts_next_invoice_on", table_name="contracts", schema=S)
    for table in (
        "graded_months",
        "callback_facts",
        "point_facts",
        "staff_penalties",
        "cash_handovers",
        "campaigns",
        "planned_visits",
        "contract_payments",
        "contract_invoices",
    ):
        op.drop_table(table, schema=S)
    for column in ("voucher_no", "paid_at", "paid_by", "payment_method", "payment_reference"):
        op.drop_column("remedies", column, schema=S)
    op.drop_column("invoices", "paid", schema=S)
    op.drop_index("ix_payments_held_by", table_name="payments", schema=S)
    for column in ("held_by", "point_id", "handover_id", "netted_month"):
        op.drop_column("payments", column, schema=S)
    op.drop_index("uq_charges_remote_ticket", table_name="charges", schema=S)
    op.create_index(
        "uq_charges_remote_ticket",
        "charges",
        ["ticket_id"],
        unique=True,
        schema=S,
        postgresql_where=sa.text("job_id IS NULL"),
    )
    op.drop_index("ix_charges_supplements", table_name="charges", schema=S)
    for column in (
        "campaign_id",
        "exclusion",
        "late_minutes",
        "delay_cause",
        "late_waived",
        "unpaid_reason",
        "number",
        "supplements",
    ):
        op.drop_column("charges", column, schema=S)
    for column in (
        "fee",
        "currency",
        "schedule",
        "maintenance_visits_per_year",
        "next_invoice_on",
        "renewed_from",
        "renewed_by",
        "expiring_notified_at",
    ):
        op.drop_column("contracts", column, schema=S)
    op.drop_column("completed_jobs", "exclusion", schema=S)
    op.drop_column("completed_jobs", "delay_cause", schema=S)
    op.drop_column("ticket_facts", "region", schema=S)
