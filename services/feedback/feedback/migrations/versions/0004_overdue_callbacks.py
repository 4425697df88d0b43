"""overdue callbacks; fault codes and the unit on each callback; callbacks with no job

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02 19:50:00

"""

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: Union[str, Sequence[str], None] = "0003"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


FAULT_COLUMNS = (
    "model",
    "serial_no",
    "report_outcome",
    "symptom_code",
    "cause_code",
    "action_code",
)


def upgrade() -> None:
    for name in FAULT_COLUMNS:
        length = 100 if name in ("model", "serial_no") else 40
        op.add_column("callbacks", sa.Column(name, sa.String(length)), schema="feedback")
    for name in ("job_id", "point_id", "technician_id"):
        op.alter_column("callbacks", name, nullable=True, schema="feedback")
    op.create_index(
        "ux_callbacks_remote_ticket",
        "callbacks",
        ["ticket_id"],
        unique=True,
        schema="feedback",
        postgresql_where=sa.text("job_id IS NULL"),
    )
    op.add_column(
        "callbacks", sa.Column("overdue_at", sa.DateTime(timezone=True)), schema="feedback"
    )
    op.create_index(
        "ix_callbacks_overdue_watch",
        "callbacks",
        ["due_at"],
        schema="feedback",
        postgresql_where=sa.text("status = 'due' AND overdue_at IS NULL"),
    )


def downgrade() -> None:
    op.execute(
        "DELETE FROM feedback.callback_attempts a USING feedback.callbacks c"
        " WHERE a.callback_id = c.id AND c.job_id IS NULL"
    )
    op.execute("DELETE FROM feedback.callbacks WHERE job_id IS NULL")
    op.drop_index("ux_callbacks_remote_ticket", table_name="callbacks", schema="feedback")
    for name in ("job_id", "point_id", "technician_id"):
        op.alter_column("callbacks", name, nullable=False, schema="feedback")
    op.drop_index("ix_callbacks_overdue_watch", table_name="callbacks", schema="feedback")
    op.drop_column("callbacks", "overdue_at", schema="feedback")
    for name in FAULT_COLUMNS:
        op.drop_column("callbacks", name, schema="feedback")
