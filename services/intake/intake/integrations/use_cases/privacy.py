"""A customer's erasure, as far as the webhook gateway holds their data: the payloads of the
deliveries that name them (sent or not) keep their shape, with tombstones for their words."""

from __future__ import annotations

import uuid

from sqlalchemy import select

from aftersales.privacy import scrub_bytes
from aftersales.unit_of_work import UnitOfWork
from intake.adapters.tables import WebhookDeliveryRow


async def erase(uow: UnitOfWork, customer_id: uuid.UUID) -> None:
    needle = b"%" + str(customer_id).encode() + b"%"
    deliveries = await uow.session.scalars(
        select(WebhookDeliveryRow).where(WebhookDeliveryRow.payload.like(needle))
    )
    for delivery in deliveries:
        scrubbed = scrub_bytes(delivery.payload, customer_id)
        if scrubbed is not None:
            delivery.payload = scrubbed
