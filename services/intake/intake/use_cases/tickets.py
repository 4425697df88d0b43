"""Open tickets and follow what the other services report about them."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from aftersales.db import UnitOfWork
from aftersales.errors import Unprocessable
from aftersales.events import Envelope, Window, dispatch, intake
from intake.adapters.repositories import CustomerRepository, ProductRepository, TicketRepository
from intake.adapters.tables import TicketRow
from intake.domain.products import in_warranty
from intake.domain.tickets import (
    ResponsePolicy,
    check_preferred_window,
    needs_visit,
    ticket_number,
)


@dataclass(frozen=True)
class OpenTicket:
    customer_id: uuid.UUID
    product_id: uuid.UUID
    kind: str
    channel: str
    description: str
    preferred_start: datetime | None = None
    preferred_end: datetime | None = None


async def open_ticket(uow: UnitOfWork, cmd: OpenTicket, policy: ResponsePolicy) -> TicketRow:
    now = datetime.now(UTC)
    customer = await CustomerRepository(uow.session).get(cmd.customer_id)
    product = await ProductRepository(uow.session).get(cmd.product_id)
    if product.customer_id != customer.id:
        raise Unprocessable("The product is registered to another customer.")
    window = None
    if cmd.preferred_start is not None and cmd.preferred_end is not None:
        check_preferred_window(cmd.preferred_start, cmd.preferred_end, now)
        window = Window(start=cmd.preferred_start, end=cmd.preferred_end)

    tickets = TicketRepository(uow.session)
    row = TicketRow(
        id=uuid.uuid4(),
        number=ticket_number(now.year, await tickets.next_number_seq()),
        customer_id=customer.id,
        product_id=product.id,
        kind=cmd.kind,
        channel=cmd.channel,
        description=cmd.description,
        status="open",
        preferred_start=cmd.preferred_start,
        preferred_end=cmd.preferred_end,
        respond_by=policy.respond_by(cmd.kind, now),
        version=1,
        created_at=now,
        updated_at=now,
    )
    tickets.add(row)
    tickets.record(
        row.id, now, intake.TicketCreated.SUBJECT, f"Ticket {row.number} opened via {cmd.channel}."
    )
    await uow.session.flush()
    uow.publish(
        intake.TicketCreated(
            ticket_id=row.id,
            number=row.number,
            kind=cmd.kind,  # type: ignore[arg-type]
            channel=cmd.channel,  # type: ignore[arg-type]
            description=cmd.description,
            customer=intake.CustomerFacts(
                id=customer.id,
                name=customer.name,
                phone=customer.phone,
                region=customer.region,
                city=customer.city,
                line=customer.line,
            ),
            product=intake.ProductFacts(
                id=product.id,
                category=product.category,
                model=product.model,
                serial_no=product.serial_no,
                purchased_on=product.purchased_on,
                warranty_until=product.warranty_until,
                in_warranty=in_warranty(product.warranty_until, now.date()),
                contract_no=product.contract_no,
            ),
            preferred_window=window,
            respond_by=row.respond_by,
            needs_visit=needs_visit(cmd.kind),
            created_at=now,
        ),
        aggregate_id=row.id,
        aggregate_version=row.version,
    )
    return row


async def note_job_unrouted(uow: UnitOfWork, event: Envelope[dispatch.JobUnrouted]) -> None:
    """Dispatch could not route the ticket's job: the timeline says why, for the agents."""
    tickets = TicketRepository(uow.session)
    ticket = await tickets.get(event.data.ticket_id)
    tickets.record(
        ticket.id,
        event.time,
        event.type,
        f"No network point could take the job: {event.data.reason}",
        job_id=str(event.data.job_id),
    )
    ticket.updated_at = datetime.now(UTC)
    await uow.session.flush()
