"""the staff register, rewards, complaint categories, callbacks by reason, ungraded months

Revision ID: 0007
Revises: 0006
Create Date: 2027-01-10 10:00:00

Clause 15 disciplines every service person for a substantiated conduct complaint; clause 1
rewards the staff who meet the standard; section 4.2.3 grades on the six callback outcomes.

- ``staff``: every service person; the technicians feedback has heard of are projected from
  its callbacks, the ticket parties and the strikes.
- ``staff_rewards``: one row per staff member and month.
- ``complaints``: ``category`` (every existing complaint is ``conduct``, the default, so each
  strike given stays one), ``staff_id`` (the technician it named), the reopening counters.
- ``callbacks``: ``reason`` (a callback with no job was after a phone solution), the
  complaint a satisfaction call follows; one callback with no job per ticket and reason.
- ``strikes``: by ``staff_id`` (the technician's id), with the window they were counted in
  (365 days, the setting of the day, for the existing ones).
- ``gradings``: ``ungraded``.
"""

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: Union[str, Sequence[str], None] = "0006"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

S = "feedback"
TZ = sa.DateTime(timezone=True)

BACKFILL_STAFF = """
INSERT INTO feedback.staff (id, role, point_id, source, active, version, created_at, updated_at)
SELECT technician_id, 'technician',
       (array_agg(point_id ORDER BY at DESC) FILTER (WHERE point_id IS NOT NULL))[1], 'dispatch',
       true, 1, min(at), max(at)
FROM (
    SELECT technician_id, point_id, completed_at AS at
    FROM feedback.callbacks WHERE technician_id IS NOT NULL
    UNION ALL
    SELECT party_id, NULL, first_seen_at
    FROM feedback.ticket_parties WHERE kind = 'technician'
    UNION ALL
    SELECT technician_id, point_id, at FROM feedback.strikes
) AS seen
GROUP BY technician_id
ON CONFLICT DO NOTHING
"""


def upgrade() -> None:
    op.create_table(
        "staff",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=200)),
        sa.Column("point_id", sa.Uuid()),
        sa.Column("subject", sa.String(length=200)),
        sa.Column("source", sa.String(length=10), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("updated_at", TZ, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff")),
        schema=S,
    )
    op.create_index("ix_staff_role", "staff", ["role"], schema=S)
    op.create_index(
        "ux_staff_subject",
        "staff",
        ["subject"],
        unique=True,
        schema=S,
        postgresql_where=sa.text("subject IS NOT NULL"),
    )
    op.create_table(
        "staff_rewards",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("staff_id", sa.Uuid(), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("point_id", sa.Uuid()),
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("jobs", sa.Integer(), nullable=False),
        sa.Column("reached", sa.Integer(), nullable=False),
        sa.Column("satisfied", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("decided_at", TZ, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff_rewards")),
        schema=S,
    )
    op.create_index(
        "ux_staff_rewards_staff_month",
        "staff_rewards",
        ["staff_id", "month"],
        unique=True,
        schema=S,
    )
    op.create_index("ix_staff_rewards_month", "staff_rewards", ["month"], schema=S)

    op.alter_column("ticket_contacts", "product_model", nullable=True, schema=S)

    op.add_column("complaints", sa.Column("staff_id", sa.Uuid()), schema=S)
    op.add_column(
        "complaints",
        sa.Column("category", sa.String(length=10), nullable=False, server_default="conduct"),
        schema=S,
    )
    for name in ("reopen_count", "replies_late_before", "resolutions_late_before"):
        op.add_column(
            "complaints",
            sa.Column(name, sa.Integer(), nullable=False, server_default="0"),
            schema=S,
        )
    op.add_column("complaints", sa.Column("reopened_at", TZ), schema=S)
    op.execute("UPDATE feedback.complaints SET staff_id = technician_id")
    op.create_index(op.f("ix_complaints_staff_id"), "complaints", ["staff_id"], schema=S)

    op.add_column(
        "callbacks",
        sa.Column("reason", sa.String(length=20), nullable=False, server_default="job"),
        schema=S,
    )
    op.add_column("callbacks", sa.Column("complaint_id", sa.Uuid()), schema=S)
    op.add_column("callbacks", sa.Column("complaint_round", sa.Integer()), schema=S)
    op.execute("UPDATE feedback.callbacks SET reason = 'resolved_remotely' WHERE job_id IS NULL")
    op.drop_index("ux_callbacks_remote_ticket", table_name="callbacks", schema=S)
    op.create_index(
        "ux_callbacks_ticket_reason",
        "callbacks",
        ["ticket_id", "reason"],
        unique=True,
        schema=S,
        postgresql_where=sa.text("job_id IS NULL AND complaint_id IS NULL"),
    )
    op.create_index(
        "ux_callbacks_complaint_round",
        "callbacks",
        ["complaint_id", "complaint_round"],
        unique=True,
        schema=S,
        postgresql_where=sa.text("complaint_id IS NOT NULL"),
    )
    op.create_index(
        "ix_callbacks_recorded_by_month", "callbacks", ["recorded_by", "month"], schema=S
    )

    op.add_column("strikes", sa.Column("staff_id", sa.Uuid()), schema=S)
    op.add_column(
        "strikes",
        sa.Column("role", sa.String(length=20), nullable=False, server_default="technician"),
        schema=S,
    )
    op.add_column("strikes", sa.Column("window_days", sa.Integer()), schema=S)
    op.execute("UPDATE feedback.strikes SET staff_id = technician_id, window_days = 365")
    op.alter_column("strikes", "staff_id", nullable=False, schema=S)
    op.alter_column("strikes", "technician_id", nullable=True, schema=S)
    op.create_index("ix_strikes_staff_id_at", "strikes", ["staff_id", "at"], schema=S)

    op.add_column(
        "gradings",
        sa.Column("ungraded", sa.Boolean(), nullable=False, server_default=sa.false()),
        schema=S,
    )
    op.execute(BACKFILL_STAFF)


def downgrade() -> None:
    op.drop_column("gradings", "ungraded", schema=S)
    op.drop_index("ix_strikes_staff_id_at", table_name="strikes", schema=S)
    op.execute("DELETE FROM feedback.strikes WHERE technician_id IS NULL")
    op.alter_column("strikes", "technician_id", nullable=False, schema=S)
    for name in ("window_days", "role", "staff_id"):
        op.drop_column("strikes", name, schema=S)
    op.drop_index("ix_callbacks_recorded_by_month", table_name="callbacks", schema=S)
    op.drop_index("ux_callbacks_complaint_round", table_name="callbacks", schema=S)
    op.drop_index("ux_callbacks_ticket_reason", table_name="callbacks", schema=S)
    op.execute(
        "DELETE FROM feedback.callback_attempts WHERE callback_id IN (SELECT id FROM "
        "feedback.callbacks WHERE job_id IS NULL AND reason <> 'resolved_remotely')"
    )
    op.execute(
        "DELETE FROM feedback.callbacks WHERE job_id IS NULL AND reason <> 'resolved_remotely'"
    )
    op.create_index(
        "ux_callbacks_remote_ticket",
        "callbacks",
        ["ticket_id"],
        unique=True,
        schema=S,
        postgresql_where=sa.text("job_id IS NULL"),
    )
    for name in ("complaint_round", "complaint_id", "reason"):
        op.drop_column("callbacks", name, schema=S)
    op.drop_index(op.f("ix_complaints_staff_id"), table_name="complaints", schema=S)
    for name in (
        "reopened_at",
        "resolutions_late_before",
        "replies_late_before",
        "reopen_count",
        "category",
        "staff_id",
    ):
        op.drop_column("complaints", name, schema=S)
    op.execute("UPDATE feedback.ticket_contacts SET product_model = '' WHERE product_model IS NULL")
    op.alter_column("ticket_contacts", "product_model", nullable=False, schema=S)
    op.drop_index("ix_staff_rewards_month", table_name="staff_rewards", schema=S)
    op.drop_index("ux_staff_rewards_staff_month", table_name="staff_rewards", schema=S)
    op.drop_table("staff_rewards", schema=S)
    op.drop_index("ux_staff_subject", table_name="staff", schema=S)
    op.drop_index("ix_staff_role", table_name="staff", schema=S)
    op.drop_table("staff", schema=S)
