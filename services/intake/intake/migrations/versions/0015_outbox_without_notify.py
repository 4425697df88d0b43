"""outbox: no NOTIFY trigger; the relay is woken in process by each commit that wrote events

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-07 14:30:00

The trigger ran pg_notify once per statement that inserted into the outbox: a statement for
every transaction that published (12.7 of the 321 a closed ticket cost, bench/README.md,
"Issue 29"). The service's own relay is now told by the unit of work after the commit, and polls
(AFTERSALES_OUTBOX_POLL_SECONDS) for rows another process wrote.
"""

from typing import Sequence, Union

from aftersales.migration_ops import drop_outbox_notify, restore_outbox_notify

revision: str = "0015"
down_revision: Union[str, Sequence[str], None] = "0014"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    drop_outbox_notify("intake")


def downgrade() -> None:
    restore_outbox_notify("intake")
