"""ticket_timeline: no foreign key to tickets (an append-only log written beside its ticket)

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07 14:00:00

Every timeline row is written by the transaction that holds its ticket (created or locked in
the same unit of work), and tickets are never deleted (erasure scrubs them in place), so the
key's check guarded nothing: it cost one statement per row, 11.7 of the 321 a closed ticket
cost (bench/README.md, "Issue 29"). The index on ticket_id stays for the reads.
"""

from typing import Sequence, Union

from alembic import op

revision: str = "0014"
down_revision: Union[str, Sequence[str], None] = "0013"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.drop_constraint(
        "fk_ticket_timeline_ticket_id_tickets",
        "ticket_timeline",
        type_="foreignkey",
        schema="intake",
    )


def downgrade() -> None:
    op.create_foreign_key(
        "fk_ticket_timeline_ticket_id_tickets",
        "ticket_timeline",
        "tickets",
        ["ticket_id"],
        ["id"],
        source_schema="intake",
        referent_schema="intake",
    )
