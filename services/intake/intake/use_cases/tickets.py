"""Open tickets, and the agent's commands on them: cancel, resolve remotely, warranty remedy."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from aftersales.db import UnitOfWork
from aftersales.errors import Conflict, NotFound, Unprocessable
from aftersales.events import Money, Window, intake
from aftersales.http.etag import check_version
from intake.adapters.repositories import ProductRepository, TicketRepository, ticket_context
from intake.adapters.tables import CustomerRow, ProductRow, TicketRow
from intake.domain import remedies
from intake.domain.catalogue import CategoryOffer, check_offered, complete_within, respond_by
from intake.domain.clocks import complete_by, respond_clock
from intake.domain.lifecycle import FINAL, check_can_stop, check_order_can_stop
from intake.domain.products import in_warranty, warranty_until
from intake.domain.tickets import (
    ResponsePolicy,
    check_order,
    check_preferred_window,
    needs_visit,
    ticket_number,
)
from intake.use_cases.customers import publish_product
from intake.use_cases.ticket_events import change_status, emit, end_ticket, touch


def response_policy(settings: Any) -> ResponsePolicy:
    """The answer and completion deadlines intake's settings set."""
    return ResponsePolicy(
        default_hours=settings.respond_within_hours,
        complaint_hours=settings.complaint_respond_within_hours,
        complete_within_hours=dict(settings.complete_within_hours),
    )


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


async def open_ticket(
    uow: UnitOfWork, cmd: OpenTicket, policy: ResponsePolicy, *, tenant: str | None, actor: str
) -> TicketRow:
    now = datetime.now(UTC)
    check_order(cmd.kind, cmd.lines, cmd.product_id is not None)
    context = await ticket_context(uow.session, cmd.customer_id, cmd.product_id)
    if context is None or (tenant is not None and context.customer.tenant_id != tenant):
        raise NotFound(f"Customer {cmd.customer_id} does not exist.")
    customer, product, entry = context.customer, context.product, context.catalogue_entry
    if product is None and cmd.product_id is not None:
        raise NotFound(f"Product {cmd.product_id} does not exist.")
    if product is not None and product.customer_id != customer.id:
        raise Unprocessable("The product is registered to another customer.")
    if product is not None and product.deregistered_at is not None:
        raise Unprocessable("The product was refunded and is no longer registered.")
    if product is None:  # a parts order naming no product
        return await _place_order(uow, cmd, policy, context.number_seq, customer, now, actor)
    offer = (
        CategoryOffer(
            entry.category,
            frozenset(entry.kinds),
            entry.respond_within_hours,
            entry.complete_within_hours,
        )
        if entry is not None
        else None
    )
    if cmd.kind != "parts_order":  # parts are sold for any product
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
        respond_clock=respond_clock(cmd.kind),
        complete_by=complete_by(
            cmd.kind, now, complete_within(offer, policy.complete_within_hours)
        ),
        paused_seconds=0,
        tenant_id=customer.tenant_id,
        reopen_count=0,
        version=1,
        created_at=now,
        updated_at=now,
    )
    if cmd.kind == "parts_order":
        return await _order_placed(uow, row, cmd, customer, product, actor)
    tickets.add(row)
    tickets.record(
        row.id,
        now,
        intake.TicketCreated.SUBJECT,
        f"Ticket {row.number} opened via {cmd.channel}.",
        actor=actor,
    )
    await uow.session.flush()
    customer_facts = _customer_facts(customer)
    product_facts = intake.ProductFacts(
        id=product.id,
        category=product.category,
        model=product.model,
        serial_no=product.serial_no,
        purchased_on=product.purchased_on,
        warranty_until=product.warranty_until,
        in_warranty=in_warranty(product.warranty_until, now.date()),
        contract_no=product.contract_no,
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
            customer=customer_facts,
            product=product_facts,
            site=site_of(customer, product),
            preferred_window=window,
            respond_by=row.respond_by,
            respond_clock=row.respond_clock,  # type: ignore[arg-type]
            complete_by=row.complete_by,
            needs_visit=needs_visit(cmd.kind),
            created_at=now,
            tenant_id=customer.tenant_id,
        ),
    )
    return row


def _customer_facts(customer: CustomerRow) -> intake.CustomerFacts:
    return intake.CustomerFacts(
        id=customer.id,
        name=customer.name,
        phone=customer.phone,
        region=customer.region,
        city=customer.city,
        line=customer.line,
    )


async def _place_order(
    uow: UnitOfWork,
    cmd: OpenTicket,
    policy: ResponsePolicy,
    seq: int,
    customer: CustomerRow,
    now: datetime,
    actor: str,
) -> TicketRow:
    row = TicketRow(
        id=uuid.uuid4(),
        number=ticket_number(now.year, seq),
        customer_id=customer.id,
        product_id=None,
        kind=cmd.kind,
        channel=cmd.channel,
        description=cmd.description,
        status="open",
        respond_by=policy.respond_by(cmd.kind, now),
        respond_clock=respond_clock(cmd.kind),
        complete_by=complete_by(cmd.kind, now, policy.complete_within_hours),
        paused_seconds=0,
        tenant_id=customer.tenant_id,
        reopen_count=0,
        version=1,
        created_at=now,
        updated_at=now,
    )
    return await _order_placed(uow, row, cmd, customer, None, actor)


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
    await uow.session.flush()
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
    expected_version: int | None = None,
) -> TicketRow:
    ticket = await locked_ticket(uow, ticket_id, tenant, expected_version)
    check_can_stop(ticket.status, "resolved remotely")
    check_order_can_stop(ticket.kind, "resolved remotely", paid=ticket.charge_status == "paid")
    reason = f"solved on the phone: {note}"
    call_back = ticket.kind in _callback_kinds(uow)
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
        await emit(
            uow,
            ticket,
            intake.TicketCallbackRequested(
                ticket_id=ticket.id,
                number=ticket.number,
                kind=ticket.kind,
                requested_at=ticket.updated_at,
            ),
        )
    return ticket


def _callback_kinds(uow: UnitOfWork) -> frozenset[str]:
    """The kinds whose phone solutions are called back (``INTAKE_CALLBACK_AFTER_REMOTE_KINDS``)."""
    return frozenset(getattr(uow.db.settings, "callback_after_remote_kinds", ()))


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
    ticket = await locked_ticket(uow, ticket_id, tenant, None)
    if ticket.status in FINAL:
        raise Conflict(f"The ticket is {ticket.status}; no remedy can be decided on it.")
    if ticket.product_id is None:
        raise Conflict("A parts order names no product; there is nothing to refund or replace.")
    tickets = TicketRepository(uow.session)
    products = ProductRepository(uow.session)
    product = await products.get(ticket.product_id, lock=True)
    if product.deregistered_at is not None:
        raise Conflict("The product was refunded already.")
    today = datetime.now(UTC).date()
    # 三包 is judged on the day the fault was reported, however long the decision took.
    reported_on = ticket.created_at.date()
    cause = await tickets.latest_cause(ticket.id)
    facts = remedies.Facts(
        days_since_purchase=(reported_on - product.purchased_on).days,
        in_warranty=in_warranty(product.warranty_until, reported_on),
        failed_repairs=await tickets.failed_repairs(product.id, cause),
    )
    remedies.decide(cmd.remedy, facts, policy)
    price = (
        Money(amount=product.purchase_price, currency=product.purchase_currency or "CNY")
        if product.purchase_price is not None
        else None
    )
    if cmd.remedy == "refund" and cmd.refund is not None and price is not None:
        remedies.check_refund(cmd.refund.amount, cmd.refund.currency, price.amount, price.currency)

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
            "reported_on": reported_on.isoformat(),
            "days_since_purchase": facts.days_since_purchase,
            "in_warranty": facts.in_warranty,
            "failed_repairs": facts.failed_repairs,
            "cause_code": cause,
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
                purchase_price=price,
                proof_ref=product.proof_ref,
                decided_at=now,
            ),
        )
        if cmd.remedy == "refund":  # the product goes back: no longer the customer's
            product.deregistered_at = now
            product.version += 1
            product.updated_at = now
            await uow.session.flush()
            await publish_product(uow, product, registered=False, changes=["deregistered"])
        if replacement is not None:
            await publish_product(uow, replacement, registered=True)
        # A replaced or refunded product's request is settled: no callback, no further visit.
        closure = "replaced" if cmd.remedy == "replace" else "refunded"
        await end_ticket(
            uow, ticket, "closed", closure, note=f"{cmd.remedy}: {cmd.reason}", actor=actor
        )
    return RemedyDecision(ticket, cmd.remedy, replacement)
