"""the board: customers found by name, tickets by their site's region and their point

Revision ID: 0019
Revises: 0018
Create Date: 2027-02-03 10:00:00

- ``intake.name_bigrams(text)``: the distinct two-character pieces of a text, and a GIN index of
  the customers' lowered names by them (``ix_customers_name_bigrams``, erased customers left
  out): ``GET /v1/customers?name=`` finds the names holding every piece of the text, then keeps
  those that contain it (``intake.adapters.search``). Measured on 10,000 and 300,000 customers
  (mostly Chinese names, C locale): a two-character Chinese name is found in 0.03 ms and
  0.13 ms, against 2 ms and 50 ms without it; pg_trgm was not chosen, as its trigrams
  need three characters and, in the C locale, take no Chinese character at all (and
  ``CREATE EXTENSION`` needs a right on the database the service's role does not have).
- ``tickets.region``: the region code of the ticket's site, as ``site_of`` chose it when the
  ticket was opened (the product's installation address, else the customer's). Existing
  tickets get it from their product and customer as they are now; with ``point_id`` it has an
  index for the board's filters.

What existing rows become: every ticket has its region. The backfill does not stamp
``sync_xid`` (its trigger is off meanwhile): a sync does not return every ticket again for a
field it never had.
"""

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0019"
down_revision: Union[str, Sequence[str], None] = "0018"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

S = "intake"


def upgrade() -> None:
    op.execute(
        """
        CREATE FUNCTION intake.name_bigrams(t text) RETURNS text[]
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
            SELECT coalesce(array_agg(DISTINCT substr(t, i, 2)), '{}')
            FROM generate_series(1, char_length(t) - 1) AS i
        $$
        """
    )
    op.execute(
        "CREATE INDEX ix_customers_name_bigrams ON intake.customers "
        "USING gin (intake.name_bigrams(lower(name))) WHERE erased_at IS NULL"
    )
    op.add_column("tickets", sa.Column("region", sa.String(12), nullable=True), schema=S)
    op.execute("ALTER TABLE intake.tickets DISABLE TRIGGER tickets_sync_xid")
    op.execute(
        """
        UPDATE intake.tickets AS t SET region = coalesce(
            (SELECT p.install_region FROM intake.products AS p
             WHERE p.id = t.product_id AND p.install_region <> '' AND p.install_city <> ''
               AND p.install_line <> ''),
            (SELECT c.region FROM intake.customers AS c WHERE c.id = t.customer_id))
        """
    )
    op.execute("ALTER TABLE intake.tickets ENABLE TRIGGER tickets_sync_xid")
    op.alter_column("tickets", "region", nullable=False, schema=S)
    op.create_index(
        "ix_tickets_region",
        "tickets",
        ["region"],
        schema=S,
        postgresql_ops={"region": "varchar_pattern_ops"},
    )
    op.create_index("ix_tickets_point_id", "tickets", ["point_id"], schema=S)


def downgrade() -> None:
    op.drop_index("ix_tickets_point_id", table_name="tickets", schema=S)
    op.drop_index("ix_tickets_region", table_name="tickets", schema=S)
    op.drop_column("tickets", "region", schema=S)
    op.execute("DROP INDEX intake.ix_customers_name_bigrams")
    op.execute("DROP FUNCTION intake.name_bigrams(text)")
