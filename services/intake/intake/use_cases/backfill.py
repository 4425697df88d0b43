"""Events for what existed before they did: ``aftersales backfill products``."""

from __future__ import annotations

from sqlalchemy import select

from aftersales.database import Database
from intake.adapters.tables import ProductRow
from intake.use_cases.customers import publish_product
from intake.use_cases.policy import TicketPolicy

BATCH = 500


async def backfill_products(db: Database, policy: TicketPolicy) -> int:
    """Publish (through the outbox) ``intake.product.registered.v1`` for every product, or
    ``intake.product.updated.v1`` for a deregistered one, so the services that keep their own
    projection learn of products registered before the events existed. Safe to run again:
    projections keep the newest version of each product, so a repeat changes nothing.

    ``policy`` is the ticket core's rules, as every operator task is handed; publishing a
    product as it is applies none of them."""
    published = 0
    after = None
    while True:
        async with db.uow() as uow:
            stmt = select(ProductRow).order_by(ProductRow.id).limit(BATCH)
            if after is not None:
                stmt = stmt.where(ProductRow.id > after)
            rows = list((await uow.session.scalars(stmt)).all())
            for row in rows:
                if row.deregistered_at is None:
                    await publish_product(uow, row, registered=True)
                else:  # as it is now: the projection takes it in, deregistered
                    await publish_product(uow, row, registered=False, changes=["deregistered"])
            await uow.commit()
        published += len(rows)
        if len(rows) < BATCH:
            return published
        after = rows[-1].id
