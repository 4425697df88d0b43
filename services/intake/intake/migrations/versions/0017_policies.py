"""policies approved and dated: the kit's policy store in the intake schema

Revision ID: 0017
Revises: 0016
Create Date: 2027-01-20 10:00:00

Section 1.5: a rule takes effect once it is approved. The figures the service decides by
(grace periods, rates, weights, thresholds) become named policies with dated, approved versions
(docs/policies.md). The tables start empty: at its first start the service records the
environment's values as version 1 of each of its policies.
"""

from typing import Sequence, Union

from aftersales.migration_ops import create_policy_tables_v1, drop_policy_tables_v1

revision: str = "0017"
down_revision: Union[str, Sequence[str], None] = "0016"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    create_policy_tables_v1("intake")


def downgrade() -> None:
    drop_policy_tables_v1("intake")
