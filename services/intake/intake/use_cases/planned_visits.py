"""Planned maintenance visits a contract promises: billing says when one is due
(``billing.contract.maintenance_due.v1``) and intake opens its ``maintenance`` ticket, channel
``contract``, as if the customer had called. The inbox makes it once per event; a visit billing
asks for twice (it never does: it marks the visit requested in the same transaction) would be
two events with two ids."""

from __future__ import annotations

from aftersales.db import UnitOfWork
from aftersales.events import Envelope, billing
from intake.use_cases.tickets import OpenTicket, open_ticket, response_policy


async def on_maintenance_due(uow: UnitOfWork, event: Envelope[billing.MaintenanceVisitDue]) -> None:
    d = event.data
    await open_ticket(
        uow,
        OpenTicket(
            customer_id=d.customer_id,
            product_id=d.product_id,
            kind="maintenance",
            channel="contract",
            description=(
                f"Planned maintenance visit {d.visit_no} of {d.visits_planned} under contract "
                f"{d.contract_no}, due {d.due_on}."
            ),
        ),
        response_policy(uow.db.settings),
        tenant=None,
        actor=f"billing (contract {d.contract_no})",
    )
