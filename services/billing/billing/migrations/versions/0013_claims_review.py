"""claims review: flags on charges, the labour summary, the visits the rules count

Revision ID: 0013
Revises: 0012
Create Date: 2027-02-01 10:00:00

- ``reviews``: one row per rule's finding (a charge, or money the field holds), open until
  finance clears it. A charge held before this revision (an implausible report or a late
  report) gets its flag here, so every hold is cleared the same way.
- ``labour_days`` and ``labour_norms``: the running summary of labour minutes per category and
  day, and the percentile read from it once a day.
- ``claim_visits``: each charged job's serial and customer (repeat visits, a customer's jobs).
- ``callback_facts.visit_confirmed``: whether the customer confirmed someone came.
"""

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0013"
down_revision: Union[str, Sequence[str], None] = "0012"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

TZ = sa.DateTime(timezone=True)
S = "billing"


def upgrade() -> None:
    op.add_column("callback_facts", sa.Column("visit_confirmed", sa.String(10)), schema=S)
    op.create_table(
        "reviews",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column("finding", sa.String(120), nullable=False, unique=True),
        sa.Column("rule", sa.String(40), nullable=False),
        sa.Column("action", sa.String(4), nullable=False),
        sa.Column("subject", sa.String(10), nullable=False),
        sa.Column("charge_id", sa.Uuid()),
        sa.Column("payment_id", sa.Uuid()),
        sa.Column("job_id", sa.Uuid()),
        sa.Column("ticket_id", sa.Uuid()),
        sa.Column("point_id", sa.Uuid()),
        sa.Column("figure", sa.Float()),
        sa.Column("norm", sa.Float()),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("details", postgresql.JSONB(), nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("flagged_at", TZ, nullable=False),
        sa.Column("cleared_by", sa.Text()),
        sa.Column("cleared_at", TZ),
        sa.Column("note", sa.Text()),
        sa.Column("correction", postgresql.JSONB()),
        sa.Column("version", sa.Integer(), nullable=False),
        schema=S,
    )
    op.create_index("ix_reviews_charge_id", "reviews", ["charge_id"], schema=S)
    op.create_index(
        "ix_reviews_status_flagged_at_id", "reviews", ["status", "flagged_at", "id"], schema=S
    )
    op.create_index(
        "ix_reviews_point_id_flagged_at", "reviews", ["point_id", "flagged_at"], schema=S
    )
    op.create_table(
        "labour_days",
        sa.Column("category", sa.String(60), primary_key=True),
        sa.Column("day", sa.Date(), primary_key=True),
        sa.Column("minutes", sa.Integer(), primary_key=True),
        sa.Column("jobs", sa.Integer(), nullable=False),
        schema=S,
    )
    op.create_table(
        "labour_norms",
        sa.Column("category", sa.String(60), primary_key=True),
        sa.Column("day", sa.Date(), primary_key=True),
        sa.Column("window_days", sa.Integer(), primary_key=True),
        sa.Column("percentile", sa.Float(), primary_key=True),
        sa.Column("value", sa.Float()),
        sa.Column("jobs", sa.Integer(), nullable=False),
        schema=S,
    )
    op.create_table(
        "claim_visits",
        sa.Column("job_id", sa.Uuid(), primary_key=True),
        sa.Column("ticket_id", sa.Uuid(), nullable=False),
        sa.Column("point_id", sa.Uuid(), nullable=False),
        sa.Column("customer_id", sa.Uuid(), nullable=False),
        sa.Column("serial_no", sa.String(100)),
        sa.Column("category", sa.String(60), nullable=False),
        sa.Column("completed_at", TZ, nullable=False),
        schema=S,
    )
    op.create_index(
        "ix_claim_visits_serial",
        "claim_visits",
        ["serial_no", "point_id", "completed_at"],
        schema=S,
    )
    op.create_index(
        "ix_claim_visits_customer", "claim_visits", ["customer_id", "completed_at"], schema=S
    )
    # Every charge held before this revision gets its flag: a pending late report, else the
    # implausible report (labour, or travel).
    op.execute(
        """
        INSERT INTO billing.reviews (id, finding, rule, action, subject, charge_id, job_id,
            ticket_id, point_id, reason, details, status, flagged_at, version)
        SELECT gen_random_uuid(), r.rule || ':' || c.id, r.rule, 'hold', 'charge', c.id,
            c.job_id, c.ticket_id, c.point_id, c.held_reason, '{}'::jsonb, 'open', c.issued_at, 1
        FROM billing.charges c
        CROSS JOIN LATERAL (SELECT CASE
            WHEN c.late_report ->> 'held' = 'true' AND c.late_report ->> 'basis' IS NULL
                THEN 'late_report'
            WHEN c.held_reason LIKE '%labour minutes%' THEN 'implausible_labour'
            ELSE 'implausible_travel' END AS rule) r
        WHERE c.held_reason IS NOT NULL
        """
    )


def downgrade() -> None:
    op.drop_table("claim_visits", schema=S)
    op.drop_table("labour_norms", schema=S)
    op.drop_table("labour_days", schema=S)
    op.drop_table("reviews", schema=S)
    op.drop_column("callback_facts", "visit_confirmed", schema=S)
