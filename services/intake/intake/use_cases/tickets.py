"""Open tickets, and the agent's commands on them: cancel, resolve remotely, warranty remedy."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from aftersales.db import UnitOfWork
from aftersales.errors import Conflict, NotFound, Unprocessable
from aftersales.events import Money, Window, intake
from aftersales.http.etag import check_version
from intake.adapters.repositories import ProductRepository, TicketRepository, ticket_context
from intake.adapters.tables import ProductRow, TicketRow
from intake.domain import remedies
from intake.domain.catalogue import CategoryOffer, check_offered, respond_by
from intake.domain.lifecycle import check_can_stop
from intake.domain.products import in_warranty, warranty_until
from intake.domain.tickets import ResponsePolicy, check_preferred_window, needs_visit, ticket_number
from intake.use_cases.ticket_events import change_status, emit, touch


@dataclass(frozen=True)
class OpenTicket:
    customer_id: uuid.UUID
    product_id: uuid.UUID
    kind: str
    channel: str
    description: str
    preferred_start: datetime | None = None
    preferred_end: datetime | None = None


async def open_ticket(
    uow: UnitOfWork, cmd: OpenTicket, policy: ResponsePolicy, *, tenant: str | None, actor: str
) -> TicketRow:
    now = datetime.now(UTC)
    context = await ticket_context(uow.session, cmd.customer_id, cmd.product_id)
    if context is None or (tenant is not None and context.customer.tenant_id != tenant):
        raise NotFound(f"Customer {cmd.customer_id} does not exist.")
    customer, product, entry = context.customer, context.product, context.catalogue_entry
    if product is None:
        raise NotFound(f"Product {cmd.product_id} does not exist.")
    if product.customer_id != customer.id:
        raise Unprocessable("The product is registered to another customer.")
    offer = (
        CategoryOffer(entry.category, frozenset(entry.kinds), entry.respond_within_hours)
        if entry is not None
        else None
    )
    check_offered(offer, product.category, cmd.kind)
    window = None
    if cmd.preferred_start is not None and cmd.preferred_end is not None:
        check_preferred_window(cmd.preferred_start, cmd.preferred_end, now)
        window = Window(start=cmd.preferred_start, end=cmd.preferred_end)

    tickets = TicketRepository(uow.session)
    row = TicketRow(
        id=uuid.uuid4(),
        number=ticket_number(now.year, context.number_seq),
        customer_id=customer.id,
        product_id=product.id,
        kind=cmd.kind,
        channel=cmd.channel,
        description=cmd.description,
        status="open",
        preferred_start=cmd.preferred_start,
        preferred_end=cmd.preferred_end,
        respond_by=respond_by(offer, cmd.kind, now, policy),
        tenant_id=customer.tenant_id,
        reopen_count=0,
        version=1,
        created_at=now,
        updated_at=now,
    )
    tickets.add(row)
    tickets.record(
        row.id,
        now,
        intake.TicketCreated.SUBJECT,
        f"Ticket {row.number} opened via {cmd.channel}.",
        actor=actor,
    )
    await uow.session.flush()
    await emit(
        uow,
        row,
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
            tenant_id=customer.tenant_id,
        ),
    )
    return row


async def _ticket_for_command(
    uow: UnitOfWork, ticket_id: uuid.UUID, tenant: str | None, expected_version: int | None
) -> TicketRow:
    ticket = await TicketRepository(uow.session).get_for_update(ticket_id, tenant=tenant)
    if ticket is None:
        raise NotFound(f"Ticket {ticket_id} does not exist.")
    check_version(expected_version, ticket.version)
    return ticket


async def cancel_ticket(
    uow: UnitOfWork,
    ticket_id: uuid.UUID,
    reason: str,
    *,
    tenant: str | None,
    actor: str,
    expected_version: int | None = None,
) -> TicketRow:
    ticket = await _ticket_for_command(uow, ticket_id, tenant, expected_version)
    check_can_stop(ticket.status, "cancelled")
    await change_status(uow, ticket, "cancelled", reason=f"cancelled: {reason}", actor=actor)
    await emit(
        uow,
        ticket,
        intake.TicketCancelled(ticket_id=ticket.id, reason=reason, cancelled_at=ticket.updated_at),
    )
    return ticket


async def resolve_remotely(
    uow: UnitOfWork,
    ticket_id: uuid.UUID,
    note: str,
    *,
    tenant: str | None,
    actor: str,
    expected_version: int | None = None,
) -> TicketRow:
    ticket = await _ticket_for_command(uow, ticket_id, tenant, expected_version)
    check_can_stop(ticket.status, "resolved remotely")
    await change_status(
        uow, ticket, "resolved_remotely", reason=f"solved on the phone: {note}", actor=actor
    )
    await emit(
        uow,
        ticket,
        intake.TicketResolvedRemotely(
            ticket_id=ticket.id, note=note, resolved_at=ticket.updated_at
        ),
    )
    return ticket


@dataclass(frozen=True)
class DecideRemedy:
    remedy: str
    reason: str
    new_serial_no: str | None = None
    new_model: str | None = None
    refund: Money | None = None


@dataclass(frozen=True)
class RemedyDecision:
    ticket: TicketRow
    remedy: str
    replacement: ProductRow | None


async def decide_warranty_remedy(
    uow: UnitOfWork,
    ticket_id: uuid.UUID,
    cmd: DecideRemedy,
    policy: remedies.WarrantyPolicy,
    *,
    tenant: str | None,
    actor: str,
) -> RemedyDecision:
    ticket = await _ticket_for_command(uow, ticket_id, tenant, None)
    if ticket.status in ("cancelled", "resolved_remotely"):
        raise Conflict(f"The ticket is {ticket.status}; no remedy can be decided on it.")
    tickets = TicketRepository(uow.session)
    products = ProductRepository(uow.session)
    product = await products.get(ticket.product_id)
    today = datetime.now(UTC).date()
    facts = remedies.Facts(
        days_since_purchase=(today - product.purchased_on).days,
        in_warranty=in_warranty(product.warranty_until, today),
        failed_repairs=await tickets.failed_repairs(product.id),
    )
    remedies.decide(cmd.remedy, facts, policy)

    replacement = None
    if cmd.remedy == "replace":
        if not cmd.new_serial_no:
            raise Unprocessable("A replacement needs new_serial_no, the serial of the new unit.")
        model = cmd.new_model or product.model
        if await products.find_serial(product.category, model, cmd.new_serial_no) is not None:
            raise Conflict("The replacement's serial number is registered already.")
        months = policy.replacement_warranty_months or product.warranty_months
        replacement = ProductRow(
            id=uuid.uuid4(),
            customer_id=product.customer_id,
            category=product.category,
            model=model,
            serial_no=cmd.new_serial_no,
            purchased_on=today,
            warranty_months=months,
            warranty_until=warranty_until(today, months),
            contract_no=product.contract_no,
            replaces_product_id=product.id,
            version=1,
            created_at=datetime.now(UTC),
            updated_at=datetime.now(UTC),
        )
        products.add(replacement)
    now = touch(ticket)
    tickets.record(
        ticket.id,
        now,
        intake.TicketRemedyDecided.SUBJECT,
        f"Warranty remedy: {cmd.remedy} ({cmd.reason})",
        actor=actor,
        remedy=cmd.remedy,
        replacement_product_id=str(replacement.id) if replacement else None,
        facts={
            "days_since_purchase": facts.days_since_purchase,
            "in_warranty": facts.in_warranty,
            "failed_repairs": facts.failed_repairs,
        },
    )
    await uow.session.flush()
    if cmd.remedy in ("replace", "refund"):
        await emit(
            uow,
            ticket,
            intake.TicketRemedyDecided(
                ticket_id=ticket.id,
                remedy=cmd.remedy,  # type: ignore[arg-type]
                reason=cmd.reason,
                product_id=product.id,
                replacement_product_id=replacement.id if replacement else None,
                refund=cmd.refund if cmd.remedy == "refund" else None,
                decided_at=now,
            ),
        )
    return RemedyDecision(ticket, cmd.remedy, replacement)
