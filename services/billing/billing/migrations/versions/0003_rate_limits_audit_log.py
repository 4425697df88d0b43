"""rate limits and the audit log

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02 16:30:00

"""

from typing import Sequence, Union

from aftersales.migration_ops import create_platform_tables_v2, drop_platform_tables_v2

revision: str = "0003"
down_revision: Union[str, Sequence[str], None] = "0002"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    create_platform_tables_v2("billing")


def downgrade() -> None:
    drop_platform_tables_v2("billing")
