"""The 三包 remedy of a ticket's product (repair, replace, refund), checked against the warranty
policy; a replacement is registered as the customer's new product."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from aftersales.errors import Conflict, Unprocessable
from aftersales.events import Money, intake
from aftersales.unit_of_work import UnitOfWork
from intake.adapters.repositories import ProductRepository, TicketRepository
from intake.adapters.tables import ProductRow, TicketRow
from intake.domain import remedies
from intake.domain.lifecycle import FINAL
from intake.domain.products import in_warranty, warranty_until
from intake.use_cases.customers import publish_product
from intake.use_cases.policy import TicketPolicy
from intake.use_cases.ticket_events import emit, end_ticket, request_callback, touch
from intake.use_cases.tickets import locked_ticket


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
    *,
    policy: TicketPolicy,
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
    today = uow.now().date()
    # 三包 is judged on the day the fault was reported, however long the decision took.
    reported_on = ticket.created_at.date()
    cause = await tickets.latest_cause(ticket.id)
    facts = remedies.Facts(
        days_since_purchase=(reported_on - product.purchased_on).days,
        in_warranty=in_warranty(product.warranty_until, reported_on),
        failed_repairs=await tickets.failed_repairs(product.id, cause),
    )
    remedies.decide(cmd.remedy, facts, policy.warranty)
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
        months = policy.warranty.replacement_warranty_months or product.warranty_months
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
            created_at=uow.now(),
            updated_at=uow.now(),
        )
        products.add(replacement)
    now = touch(uow, ticket)
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
        # A replaced or refunded product's request is settled: no further visit. The customer
        # is still called back (after the closure, so feedback's withdrawal of the ticket's
        # earlier callbacks spares it); its outcome never reopens the ticket.
        closure = "replaced" if cmd.remedy == "replace" else "refunded"
        await end_ticket(
            uow, ticket, "closed", closure, note=f"{cmd.remedy}: {cmd.reason}", actor=actor
        )
        await request_callback(uow, ticket, closure, actor=actor)
    return RemedyDecision(ticket, cmd.remedy, replacement)
