"""payments reconciled, partner cash remitted, refunds approved, late reports held

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07 11:00:00

What existing rows become:
- every non-cash payment recorded before is reconciled as of its payment (it was trusted then;
  no settlement is deducted for it after the fact);
- cash of a partner point that its technician handed over before the upgrade is remitted by
  that handover, whoever received it: the company's cash desk (finance or admin), or the
  partner's own office, whose cash was settled outside the system until now. The rule that a
  partner owes its office's cash until finance records the remittance holds for cash handed
  over from the upgrade on; otherwise the first close would net years of old cash at once.
  Cash no one handed over stays owed, as it was (the next close nets it);
- an unpaid refund voucher waits for finance's approval (no sale price was ever recorded for it).

A charge's lines stay immutable (a trigger refuses any change) with one exception: a held
charge, never invoiced, may have its lines deleted, so that finance's release of a late report
on its received times replaces them. Once released or invoiced, they never change again.
"""

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0008"
down_revision: Union[str, Sequence[str], None] = "0007"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

TZ = sa.DateTime(timezone=True)
S = "billing"


def _add(table: str, *columns: sa.Column) -> None:
    for column in columns:
        op.add_column(table, column, schema=S)


def upgrade() -> None:
    _add("completed_jobs", sa.Column("received", postgresql.JSONB()))
    _add("charges", sa.Column("late_report", postgresql.JSONB()))

    _add(
        "payments",
        sa.Column("reference", sa.String(100)),
        sa.Column("reconciled_at", TZ),
        sa.Column("reconciled_by", sa.String(200)),
        sa.Column("reconciliation_id", sa.Uuid()),
        sa.Column("deducted_month", sa.String(7)),
        sa.Column("reversed_month", sa.String(7)),
        sa.Column("remittance_id", sa.Uuid()),
    )
    op.execute(
        "UPDATE billing.payments SET reconciled_at = paid_at, "
        "reconciled_by = 'before reconciliation' WHERE method <> 'cash'"
    )
    op.create_index(
        "ux_payments_method_reference",
        "payments",
        ["method", "reference"],
        unique=True,
        schema=S,
        postgresql_where=sa.text("reference IS NOT NULL AND method <> 'cash'"),
    )
    op.create_index(
        "ix_payments_unreconciled",
        "payments",
        ["paid_at"],
        schema=S,
        postgresql_where=sa.text("reconciled_at IS NULL AND method <> 'cash'"),
    )
    op.create_index("ix_payments_remittance_id", "payments", ["remittance_id"], schema=S)

    op.create_table(
        "cash_remittances",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column("point_id", sa.Uuid(), nullable=False),
        sa.Column("reference", sa.String(100), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("currency", sa.String(3), nullable=False),
        sa.Column("payments", sa.Integer(), nullable=False),
        sa.Column("received_by", sa.String(200), nullable=False),
        sa.Column("remitted_at", TZ, nullable=False),
        schema=S,
    )
    op.create_index("ix_cash_remittances_point_id", "cash_remittances", ["point_id"], schema=S)
    op.create_table(
        "reconciliations",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column("method", sa.String(10), nullable=False),
        sa.Column("statement_ref", sa.String(100), nullable=False),
        sa.Column("payments", sa.Integer(), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("currency", sa.String(3), nullable=False),
        sa.Column("reconciled_by", sa.String(200), nullable=False),
        sa.Column("reconciled_at", TZ, nullable=False),
        schema=S,
    )
    # Every payment handed over before the upgrade counts as remitted by its handover: the
    # new rule (a partner owes its own office's cash until finance records the remittance)
    # applies to cash handed over from now on. A handover to the company's cash desk (finance,
    # admin) is a remittance as it would be today; one to a partner's own office was settled
    # outside the system ("before remittances"), and left owed, the first close after the
    # upgrade would deduct all of it at once. A point billing does not know as one of the
    # company's own is taken as a partner (it may be one, or become one: partners are read at
    # each close); the company's own points' handovers end their cash as they always did.
    op.execute(
        """
        INSERT INTO billing.cash_remittances
            (id, point_id, reference, amount, currency, payments, received_by, remitted_at)
        SELECT h.id, h.point_id,
               CASE WHEN h.received_by LIKE 'finance:%' OR h.received_by LIKE 'admin:%'
                    THEN 'cash desk handover ' || h.id::text
                    ELSE 'before remittances: office handover ' || h.id::text END,
               h.amount, h.currency, h.payments,
               CASE WHEN h.received_by LIKE 'finance:%' OR h.received_by LIKE 'admin:%'
                    THEN h.received_by ELSE 'before remittances' END,
               h.handed_at
        FROM billing.cash_handovers h
        LEFT JOIN billing.point_facts p ON p.point_id = h.point_id
        WHERE h.point_id IS NOT NULL AND p.is_partner IS NOT FALSE
        """
    )
    op.execute(
        """
        UPDATE billing.payments SET remittance_id = handover_id
        WHERE handover_id IN (SELECT id FROM billing.cash_remittances) AND netted_month IS NULL
        """
    )

    _add(
        "remedies",
        sa.Column("decided_amount", sa.BigInteger(), nullable=False, server_default="0"),
        sa.Column("purchase_price", sa.BigInteger()),
        sa.Column("proof_ref", sa.String(100)),
        sa.Column("approval", sa.String(20), nullable=False, server_default="not_needed"),
        sa.Column("approved_by", sa.String(200)),
        sa.Column("approved_at", TZ),
        sa.Column("approval_note", sa.Text()),
    )
    op.execute("UPDATE billing.remedies SET decided_amount = customer_credit")
    op.execute(
        "UPDATE billing.remedies SET approval = 'awaiting_approval' "
        "WHERE remedy = 'refund' AND paid_at IS NULL"
    )
    for column in ("decided_amount", "approval"):
        op.alter_column("remedies", column, server_default=None, schema=S)

    op.execute(
        """
        CREATE FUNCTION billing.refuse_line_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'DELETE' AND EXISTS (
                SELECT 1 FROM billing.charges c
                WHERE c.id = OLD.charge_id AND c.held_reason IS NOT NULL AND c.invoice_id IS NULL
            ) THEN
                RETURN OLD;
            END IF;
            RAISE EXCEPTION '% is immutable once issued', TG_TABLE_NAME
                USING ERRCODE = 'integrity_constraint_violation';
        END $$
        """
    )
    op.execute("DROP TRIGGER charge_lines_immutable ON billing.charge_lines")
    op.execute(
        "CREATE TRIGGER charge_lines_immutable BEFORE UPDATE OR DELETE ON billing.charge_lines "
        "FOR EACH ROW EXECUTE FUNCTION billing.refuse_line_change()"
    )


def downgrade() -> None:
    op.execute("DROP TRIGGER charge_lines_immutable ON billing.charge_lines")
    op.execute(
        "CREATE TRIGGER charge_lines_immutable BEFORE UPDATE OR DELETE ON billing.charge_lines "
        "FOR EACH ROW EXECUTE FUNCTION billing.refuse_change()"
    )
    op.execute("DROP FUNCTION billing.refuse_line_change()")
    for column in (
        "approval_note",
        "approved_at",
        "approved_by",
        "approval",
        "proof_ref",
        "purchase_price",
        "decided_amount",
    ):
        op.drop_column("remedies", column, schema=S)
    op.drop_table("reconciliations", schema=S)
    op.drop_index("ix_cash_remittances_point_id", table_name="cash_remittances", schema=S)
    op.drop_table("cash_remittances", schema=S)
    for index in (
        "ix_payments_remittance_id",
        "ix_payments_unreconciled",
        "ux_payments_method_reference",
    ):
        op.drop_index(index, table_name="payments", schema=S)
    for column in (
        "remittance_id",
        "reversed_month",
        "deducted_month",
        "reconciliation_id",
        "reconciled_by",
        "reconciled_at",
        "reference",
    ):
        op.drop_column("payments", column, schema=S)
    op.drop_column("charges", "late_report", schema=S)
    op.drop_column("completed_jobs", "received", schema=S)
