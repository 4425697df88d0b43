"""A ticket solved on the phone: a free class C charge, recorded once per ticket."""

from __future__ import annotations

from aftersales.events import Envelope, intake
from aftersales.unit_of_work import UnitOfWork
from billing.adapters.repositories.charges import ChargeRepository
from billing.domain.classification import (
    Classification,
)
from billing.use_cases.charging.issuing import issue_charge, settlement_month_for
from billing.use_cases.policy import BillingPolicy


async def on_resolved_remotely(
    uow: UnitOfWork, event: Envelope[intake.TicketResolvedRemotely], *, policy: BillingPolicy
) -> None:
    """Solved on the phone: free service, nothing to pay — recorded once per ticket."""
    d = event.data
    if await ChargeRepository(uow.session).remote_of_ticket(d.ticket_id) is not None:
        return
    month = await settlement_month_for(uow, d.resolved_at, policy)
    c = Classification("C", "resolved remotely by the information centre: no visit, no charge")
    await issue_charge(
        uow,
        c,
        [],
        policy,
        now=uow.now(),
        ticket_id=d.ticket_id,
        job_id=None,
        point_id=None,
        technician_id=None,
        month=month,
        completed_at=d.resolved_at,
        price_list_version=None,
        review=[],
    )
