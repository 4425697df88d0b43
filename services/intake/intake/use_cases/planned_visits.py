"""Planned maintenance visits a contract promises: billing says when one is due
(``billing.contract.maintenance_due.v1``) and intake opens its ``maintenance`` ticket, channel
``contract``, as if the customer had called. The inbox makes it once per event; a visit billing
asks for twice (it never does: it marks the visit requested in the same transaction) would be
two events with two ids."""

from __future__ import annotations

from aftersales.events import Envelope, billing
from aftersales.unit_of_work import UnitOfWork
from intake.use_cases.policy import TicketPolicy
from intake.use_cases.tickets import OpenTicket, open_ticket


async def on_maintenance_due(
    uow: UnitOfWork, event: Envelope[billing.MaintenanceVisitDue], *, policy: TicketPolicy
) -> None:
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
        policy=policy,
        tenant=None,
        actor=f"billing (contract {d.contract_no})",
    )
