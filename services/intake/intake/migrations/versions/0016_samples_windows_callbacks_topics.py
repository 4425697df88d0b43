"""tickets: a category and topic without a product, a sample's arrival, the callback asked for

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-08 10:00:00

What existing rows become: ``category`` and ``topic`` stay empty on tickets opened before (a
ticket's category is its product's). A sample test opened before ran its clocks from the call:
its sample counts as received when the ticket was opened, so its result can still be given.
The backfill leaves ``sync_xid`` as it was (the trigger is held for it): nothing an integrator
syncs has changed.
"""

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0016"
down_revision: Union[str, Sequence[str], None] = "0015"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

S = "intake"
COLUMNS = (
    ("category", sa.String(60)),
    ("topic", sa.String(500)),
    ("sample_received_at", sa.DateTime(timezone=True)),
    ("sample_reference", sa.String(100)),
    ("callback_reason", sa.String(20)),
    ("callback_requested_at", sa.DateTime(timezone=True)),
)


def upgrade() -> None:
    for name, type_ in COLUMNS:
        op.add_column("tickets", sa.Column(name, type_), schema=S)
    op.execute("ALTER TABLE intake.tickets DISABLE TRIGGER tickets_sync_xid")
    op.execute(
        "UPDATE intake.tickets SET sample_received_at = created_at WHERE kind = 'sample_test'"
    )
    op.execute("ALTER TABLE intake.tickets ENABLE TRIGGER tickets_sync_xid")


def downgrade() -> None:
    for name, _ in reversed(COLUMNS):
        op.drop_column("tickets", name, schema=S)
