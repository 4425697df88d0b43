"""Turn tickets that need a visit into jobs."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from aftersales.db import UnitOfWork
from aftersales.events import Envelope, dispatch, intake
from dispatch.adapters.repositories import JobRepository
from dispatch.adapters.tables import JobRow
from dispatch.domain.jobs import unrouted_reason


async def create_job_for_ticket(uow: UnitOfWork, event: Envelope[intake.TicketCreated]) -> None:
    ticket = event.data
    if not ticket.needs_visit:
        return
    now = datetime.now(UTC)
    reason = unrouted_reason(ticket.customer.region, ticket.product.category)
    job = JobRow(
        id=uuid.uuid4(),
        ticket_id=ticket.ticket_id,
        ticket_number=ticket.number,
        kind=ticket.kind,
        region=ticket.customer.region,
        category=ticket.product.category,
        status="unrouted",
        status_reason=reason,
        visit_number=1,
        version=1,
        created_at=now,
        updated_at=now,
    )
    JobRepository(uow.session).add(job)
    await uow.session.flush()
    uow.publish(
        dispatch.JobUnrouted(job_id=job.id, ticket_id=ticket.ticket_id, reason=reason),
        aggregate_id=job.id,
        aggregate_version=job.version,
    )
