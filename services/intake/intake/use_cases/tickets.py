"""Open tickets, and the agent's commands on them: cancel, resolve remotely. The 三包 remedy is
:mod:`intake.use_cases.remedies`; the agreed slot :mod:`intake.use_cases.windows`; samples
:mod:`intake.use_cases.samples`."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from aftersales.errors import NotFound, Unprocessable
from aftersales.events import Window, intake
from aftersales.http.etag import check_version
from aftersales.unit_of_work import UnitOfWork
from intake.adapters.repositories import TicketRepository
from intake.adapters.tables import CustomerRow, ProductRow, ServiceCategoryRow, TicketRow
from intake.adapters.ticket_context import ticket_context
from intake.domain.business import check_checklist_done, check_kind_for_customer, new_checklist
from intake.domain.catalogue import CategoryOffer, check_offered, complete_within, respond_by
from intake.domain.clocks import AWAITING_SAMPLE, complete_by, respond_clock
from intake.domain.lifecycle import check_can_stop, check_order_can_stop
from intake.domain.products import in_warranty
from intake.domain.samples import check_sample_arrived, opens_awaiting_sample
from intake.domain.tickets import (
    check_category,
    check_order,
    check_preferred_window,
    check_subject,
    needs_visit,
    ticket_number,
    window_agreed,
)
from intake.use_cases.policy import TicketPolicy
from intake.use_cases.ticket_events import change_status, emit, end_ticket, request_callback


@dataclass(frozen=True)
class OpenTicket:
    customer_id: uuid.UUID
    product_id: uuid.UUID | None
    kind: str
    channel: str
    description: str
    preferred_start: datetime | None = None
    preferred_end: datetime | None = None
    lines: list[tuple[str, int]] | None = None  # a parts order's
    # A ticket without a product (a sales training, a sample): the category it is about, and
    # what about.
    category: str | None = None
    topic: str | None = None


async def open_ticket(
    uow: UnitOfWork, cmd: OpenTicket, *, policy: TicketPolicy, tenant: str | None, actor: str
) -> TicketRow:
    """One read (the ticket's context), then rows added and events staged, nothing written
    before the commit: the route runs it as a one-statement create."""
    now = uow.now()
    check_subject(
        cmd.kind, has_product=cmd.product_id is not None, category=cmd.category, topic=cmd.topic
    )
    check_order(cmd.kind, cmd.lines)
    context = await ticket_context(uow.session, cmd.customer_id, cmd.product_id, cmd.category)
    if context is None or (tenant is not None and context.customer.tenant_id != tenant):
        raise NotFound(f"Customer {cmd.customer_id} does not exist.")
    customer, product, entry = context.customer, context.product, context.catalogue_entry
    check_kind_for_customer(cmd.kind, customer.type)
    if product is None and cmd.product_id is not None:
        raise NotFound(f"Product {cmd.product_id} does not exist.")
    if product is not None:
        if product.customer_id != customer.id:
            raise Unprocessable("The product is registered to another customer.")
        if product.deregistered_at is not None:
            raise Unprocessable("The product was refunded and is no longer registered.")
        check_category(product.category, cmd.category)
    category = product.category if product is not None else cmd.category
    offer = _offer_of(entry)
    if cmd.kind != "parts_order":  # parts are sold for any product, or none
        assert category is not None  # check_subject: a product, or a category named
        if product is None and entry is None and not context.category_known:
            raise Unprocessable(
                f"No product of category {category!r} is registered and the service catalogue "
                "has no entry for it: name a category the service offers.",
                category=category,
            )
        check_offered(offer, category, cmd.kind)
    window = None
    if cmd.preferred_start is not None and cmd.preferred_end is not None:
        check_preferred_window(cmd.preferred_start, cmd.preferred_end, now)
        window = Window(start=cmd.preferred_start, end=cmd.preferred_end)
    complete = complete_by(
        cmd.kind, now, complete_within(offer, policy.response.complete_within_hours)
    )
    site = site_of(customer, product)
    row = TicketRow(
        id=uuid.uuid4(),
        number=ticket_number(now.year, context.number_seq),
        customer_id=customer.id,
        product_id=product.id if product is not None else None,
        kind=cmd.kind,
        region=site.region,
        category=category,
        topic=cmd.topic,
        channel=cmd.channel,
        description=cmd.description,
        status="open",
        preferred_start=cmd.preferred_start,
        preferred_end=cmd.preferred_end,
        respond_by=respond_by(offer, cmd.kind, now, policy.response, complete),
        respond_clock=respond_clock(cmd.kind),
        complete_by=complete,
        paused_seconds=0,
        tenant_id=customer.tenant_id,
        reopen_count=0,
        checklist=new_checklist(cmd.kind),
        version=1,
        created_at=now,
        updated_at=now,
    )
    if cmd.kind == "parts_order":
        return await _order_placed(uow, row, cmd, customer, product, actor)
    tickets = TicketRepository(uow.session)
    tickets.add(row)
    tickets.record(
        row.id,
        now,
        intake.TicketCreated.SUBJECT,
        f"Ticket {row.number} opened via {cmd.channel}.",
        actor=actor,
    )
    await emit(
        uow,
        row,
        intake.TicketCreated(
            ticket_id=row.id,
            number=row.number,
            kind=cmd.kind,
            channel=cmd.channel,
            description=cmd.description,
            customer=_customer_facts(customer),
            product=_product_facts(product, now) if product is not None else None,
            site=site,
            preferred_window=window,
            window_agreed=window_agreed(cmd.kind, window is not None),
            respond_by=row.respond_by,
            respond_clock=row.respond_clock,  # type: ignore[arg-type]
            complete_by=row.complete_by,
            needs_visit=needs_visit(cmd.kind),
            created_at=now,
            tenant_id=customer.tenant_id,
            category=category,
            topic=cmd.topic,
        ),
    )
    if opens_awaiting_sample(cmd.kind):
        await _await_sample(uow, row, actor)
    return row


def _offer_of(entry: ServiceCategoryRow | None) -> CategoryOffer | None:
    if entry is None:
        return None
    return CategoryOffer(
        entry.category,
        frozenset(entry.kinds),
        entry.respond_within_hours,
        entry.complete_within_hours,
    )


async def _await_sample(uow: UnitOfWork, row: TicketRow, actor: str) -> None:
    """A sample test opens paused until its sample arrives: no clock runs before it
    (``intake.use_cases.samples`` resumes them as of its arrival). Rows added only, as the
    create it is part of."""
    now = row.created_at
    row.version += 1
    row.paused_at, row.pause_reason, row.paused_by = now, AWAITING_SAMPLE, actor
    note = "waiting for the customer's sample"
    TicketRepository(uow.session).record(
        row.id,
        now,
        intake.TicketPaused.SUBJECT,
        f"Clocks paused ({AWAITING_SAMPLE}): {note}.",
        actor=actor,
        reason=AWAITING_SAMPLE,
        origin="ticket",
    )
    await emit(
        uow,
        row,
        intake.TicketPaused(
            ticket_id=row.id,
            reason=AWAITING_SAMPLE,
            note=note,
            paused_by=actor,
            paused_at=now,
        ),
    )


def _customer_facts(customer: CustomerRow) -> intake.CustomerFacts:
    return intake.CustomerFacts(
        id=customer.id,
        name=customer.name,
        phone=customer.phone,
        region=customer.region,
        city=customer.city,
        line=customer.line,
        type=customer.type,  # type: ignore[arg-type]
    )


def _product_facts(product: ProductRow, now: datetime) -> intake.ProductFacts:
    return intake.ProductFacts(
        id=product.id,
        category=product.category,
        model=product.model,
        serial_no=product.serial_no,
        purchased_on=product.purchased_on,
        warranty_until=product.warranty_until,
        in_warranty=in_warranty(product.warranty_until, now.date()),
        contract_no=product.contract_no,
    )


async def _order_placed(
    uow: UnitOfWork,
    row: TicketRow,
    cmd: OpenTicket,
    customer: CustomerRow,
    product: ProductRow | None,
    actor: str,
) -> TicketRow:
    """A parts order: announced by ``intake.parts_order.placed.v1`` (billing prices it,
    dispatch ships it once paid), shipped to the installation address when it names a
    product, else to the customer."""
    assert cmd.lines is not None
    row.lines = [{"sku": sku, "qty": qty} for sku, qty in cmd.lines]
    tickets = TicketRepository(uow.session)
    tickets.add(row)
    tickets.record(
        row.id,
        row.created_at,
        intake.PartsOrderPlaced.SUBJECT,
        f"Parts order {row.number} placed via {cmd.channel}: "
        + ", ".join(f"{qty} x {sku}" for sku, qty in cmd.lines),
        actor=actor,
    )
    site = site_of(customer, product)
    await emit(
        uow,
        row,
        intake.PartsOrderPlaced(
            ticket_id=row.id,
            number=row.number,
            channel=cmd.channel,  # type: ignore[arg-type]
            description=cmd.description,
            customer=_customer_facts(customer),
            ship_to=site,
            lines=[intake.OrderLine(sku=sku, qty=qty) for sku, qty in cmd.lines],
            product_id=product.id if product is not None else None,
            created_at=row.created_at,
            tenant_id=row.tenant_id,
        ),
    )
    return row


def site_of(customer: CustomerRow, product: ProductRow | None) -> intake.Site:
    """Where a visit (or a parts order) goes: the product's installation address, when it has
    one."""
    if (
        product is not None
        and product.install_region
        and product.install_city
        and product.install_line
    ):
        return intake.Site(
            region=product.install_region, city=product.install_city, line=product.install_line
        )
    return intake.Site(region=customer.region, city=customer.city, line=customer.line)


async def locked_ticket(
    uow: UnitOfWork, ticket_id: uuid.UUID, tenant: str | None, expected_version: int | None
) -> TicketRow:
    """The ticket for a command: locked, in the caller's scope (404 outside it), at the
    version the caller read (``If-Match``)."""
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
    ticket = await locked_ticket(uow, ticket_id, tenant, expected_version)
    check_can_stop(ticket.status, "cancelled")
    check_order_can_stop(ticket.kind, "cancelled", paid=ticket.charge_status == "paid")
    await end_ticket(
        uow, ticket, "cancelled", "cancelled", note=f"cancelled: {reason}", actor=actor
    )
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
    policy: TicketPolicy,
    expected_version: int | None = None,
) -> TicketRow:
    ticket = await locked_ticket(uow, ticket_id, tenant, expected_version)
    check_can_stop(ticket.status, "resolved remotely")
    check_order_can_stop(ticket.kind, "resolved remotely", paid=ticket.charge_status == "paid")
    check_checklist_done(ticket.kind, ticket.checklist)
    # A sample test's result is its answer: none before the sample arrives (clause 10).
    check_sample_arrived(ticket.kind, ticket.sample_received_at)
    reason = f"solved on the phone: {note}"
    call_back = ticket.kind in policy.callback_after_remote_kinds
    if call_back:  # it ends when the callback says the customer is satisfied
        await change_status(uow, ticket, "resolved_remotely", reason=reason, actor=actor)
    else:
        await end_ticket(
            uow, ticket, "resolved_remotely", "resolved_remotely", note=reason, actor=actor
        )
    await emit(
        uow,
        ticket,
        intake.TicketResolvedRemotely(
            ticket_id=ticket.id, note=note, resolved_at=ticket.updated_at
        ),
    )
    if call_back:
        await request_callback(uow, ticket, "resolved_remotely", actor=actor)
    return ticket
