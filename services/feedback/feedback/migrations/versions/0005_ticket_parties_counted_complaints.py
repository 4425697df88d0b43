"""the people who served each ticket; complaints counted when substantiated

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07 11:00:00

"""

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: Union[str, Sequence[str], None] = "0004"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


# Before this revision feedback heard only of completions (the callbacks) and SLA breaches: those
# are the parties a ticket is known to have had. A breach names the point the job was offered
# to (respond, accept) or assigned to (arrival, completion).
BACKFILL_PARTIES = (
    """
INSERT INTO feedback.ticket_parties (ticket_id, kind, party_id, how, first_seen_at)
SELECT ticket_id, kind, party_id, 'served', min(completed_at)
FROM (
    SELECT ticket_id, 'point' AS kind, point_id AS party_id, completed_at
    FROM feedback.callbacks WHERE point_id IS NOT NULL
    UNION ALL
    SELECT ticket_id, 'technician', technician_id, completed_at
    FROM feedback.callbacks WHERE technician_id IS NOT NULL
) AS served
GROUP BY ticket_id, kind, party_id
ON CONFLICT DO NOTHING
""",
    """
INSERT INTO feedback.ticket_parties (ticket_id, kind, party_id, how, first_seen_at)
SELECT ticket_id, 'point', point_id,
       CASE WHEN bool_or(sla IN ('arrival', 'completion')) THEN 'assigned' ELSE 'offered' END,
       min(breached_at)
FROM feedback.sla_breaches
WHERE point_id IS NOT NULL
GROUP BY ticket_id, point_id
ON CONFLICT DO NOTHING
""",
)

# Grading counted every complaint in the month it was opened; a substantiated one keeps that
# month, so re-grading a past month gives the grade it gave.
BACKFILL_COUNTED = """
UPDATE feedback.complaints SET counted_month = month WHERE substantiated IS TRUE
"""


def upgrade() -> None:
    op.create_table(
        "ticket_parties",
        sa.Column("ticket_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("party_id", sa.Uuid(), nullable=False),
        sa.Column("how", sa.String(length=10), nullable=False),
        sa.Column("first_seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("ticket_id", "kind", "party_id", name=op.f("pk_ticket_parties")),
        schema="feedback",
    )
    op.add_column("complaints", sa.Column("attribution_reason", sa.Text()), schema="feedback")
    op.add_column("complaints", sa.Column("counted_month", sa.String(length=7)), schema="feedback")
    op.create_index(
        "ix_complaints_counted_month_point_id",
        "complaints",
        ["counted_month", "point_id"],
        schema="feedback",
    )
    for statement in BACKFILL_PARTIES:
        op.execute(statement)
    op.execute(BACKFILL_COUNTED)


def downgrade() -> None:
    op.drop_index(
        "ix_complaints_counted_month_point_id", table_name="complaints", schema="feedback"
    )
    op.drop_column("complaints", "counted_month", schema="feedback")
    op.drop_column("complaints", "attribution_reason", schema="feedback")
    op.drop_table("ticket_parties", schema="feedback")
