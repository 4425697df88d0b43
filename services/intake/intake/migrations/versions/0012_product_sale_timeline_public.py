"""products: the sale's price, seller and proof; the timeline as a CRM reads it

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07 11:00:00

"""

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: Union[str, Sequence[str], None] = "0011"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.add_column("products", sa.Column("purchase_price", sa.BigInteger()), schema="intake")
    op.add_column("products", sa.Column("purchase_currency", sa.String(3)), schema="intake")
    op.add_column("products", sa.Column("sold_by", sa.String(200)), schema="intake")
    op.add_column("products", sa.Column("proof_ref", sa.String(100)), schema="intake")
    op.add_column("ticket_timeline", sa.Column("public_summary", sa.Text()), schema="intake")
    # Entries written before: a routing reason, in the offer's entry and in the status change it
    # caused, is replaced for outsiders by the words an offer without its own reason gets.
    op.execute(
        r"""
        UPDATE intake.ticket_timeline
        SET public_summary = regexp_replace(
            summary,
            '(Offered to network point [0-9a-f-]+) \(.*\)\.',
            '\1 (offered by the information centre''s routing).'
        )
        WHERE summary ~ 'Offered to network point [0-9a-f-]+ \(.*\)\.'
        """
    )


def downgrade() -> None:
    op.drop_column("ticket_timeline", "public_summary", schema="intake")
    for column in ("proof_ref", "sold_by", "purchase_currency", "purchase_price"):
        op.drop_column("products", column, schema="intake")
