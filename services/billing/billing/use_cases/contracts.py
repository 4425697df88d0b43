"""Maintenance contracts (合同服务, class B): which products they cover, when, what, how many
visits; what they earn (a fee per period of their schedule, invoiced when the period begins,
with payments against the invoices); their renewal; and the planned maintenance visits they
promise, which intake opens as ``maintenance`` tickets when billing publishes
``billing.contract.maintenance_due.v1``."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select

from aftersales.database import Database
from aftersales.errors import Conflict, Unprocessable
from aftersales.events import Money, billing
from aftersales.tasks import claim_due
from aftersales.unit_of_work import UnitOfWork
from billing.adapters.repositories.contracts import ContractRepository
from billing.adapters.repositories.documents import DocumentRepository
from billing.adapters.tables.contracts import (
    ContractInvoiceRow,
    ContractPaymentRow,
    ContractRow,
    PlannedVisitRow,
)
from billing.adapters.tables.facts import ProductFactsRow
from billing.domain.contract_terms import check_terms, fee_periods, maintenance_dates
from billing.domain.numbering import document_number
from billing.use_cases.payments import Payment, check_payment
from billing.use_cases.policy import BillingPolicy


@dataclass(frozen=True)
class NewContract:
    contract_no: str
    customer_id: uuid.UUID
    product_ids: list[uuid.UUID]
    starts_on: date
    ends_on: date
    covers_labour: bool
    covers_parts: bool
    covers_travel: bool
    visits_included: int | None
    fee: int = 0
    currency: str = "CNY"
    schedule: str = "once"
    maintenance_visits_per_year: int = 0


async def create_contract(
    uow: UnitOfWork,
    cmd: NewContract,
    *,
    policy: BillingPolicy,
    renewed_from: uuid.UUID | None = None,
) -> ContractRow:
    check_terms(
        starts_on=cmd.starts_on,
        ends_on=cmd.ends_on,
        fee=cmd.fee,
        schedule=cmd.schedule,
        visits_per_year=cmd.maintenance_visits_per_year,
    )
    if cmd.currency != policy.currency:
        raise Unprocessable(f"Contracts are billed in {policy.currency}, not {cmd.currency}.")
    if len(set(cmd.product_ids)) != len(cmd.product_ids):
        raise Unprocessable("A product is listed twice.")
    contracts = ContractRepository(uow.session)
    await _check_products(uow, cmd)
    await contracts.lock_products(cmd.product_ids)
    if await contracts.number_taken(cmd.contract_no):
        raise Conflict(f"Contract {cmd.contract_no} exists already.", contract_no=cmd.contract_no)
    clashes = await contracts.overlapping(cmd.product_ids, cmd.starts_on, cmd.ends_on)
    if clashes:
        no, product = clashes[0]
        raise Conflict(
            f"Product {product} is already covered by contract {no} for part of that period.",
            contract_no=no,
            product_id=str(product),
        )
    now = uow.now()
    row = ContractRow(
        id=uuid.uuid4(),
        contract_no=cmd.contract_no,
        customer_id=cmd.customer_id,
        starts_on=cmd.starts_on,
        ends_on=cmd.ends_on,
        covers_labour=cmd.covers_labour,
        covers_parts=cmd.covers_parts,
        covers_travel=cmd.covers_travel,
        visits_included=cmd.visits_included,
        visits_used=0,
        fee=cmd.fee,
        currency=cmd.currency,
        schedule=cmd.schedule,
        maintenance_visits_per_year=cmd.maintenance_visits_per_year,
        # "once" is billed at signing; a periodic fee when each period begins.
        next_invoice_on=(
            None
            if cmd.fee == 0
            else min(now.astimezone(policy.tz).date(), cmd.starts_on)
            if cmd.schedule == "once"
            else cmd.starts_on
        ),
        renewed_from=renewed_from,
        version=1,
        created_at=now,
        updated_at=now,
    )
    await contracts.add(row, cmd.product_ids)
    dates = maintenance_dates(cmd.starts_on, cmd.ends_on, cmd.maintenance_visits_per_year)
    for product_id in cmd.product_ids:
        for n, day in enumerate(dates, start=1):
            contracts.plan_visit(
                PlannedVisitRow(
                    id=uuid.uuid4(),
                    contract_id=row.id,
                    product_id=product_id,
                    visit_no=n,
                    due_on=day,
                )
            )
    await uow.session.flush()
    return row


@dataclass(frozen=True)
class Renewal:
    contract_no: str
    ends_on: date | None = None
    fee: int | None = None
    schedule: str | None = None
    visits_included: int | None = None
    maintenance_visits_per_year: int | None = None


async def renew_contract(
    uow: UnitOfWork, contract_id: uuid.UUID, cmd: Renewal, *, policy: BillingPolicy
) -> ContractRow:
    """A new contract for the same customer and products, from the day after the old one
    ends, on the old terms unless the renewal changes them. A contract is renewed once."""
    contracts = ContractRepository(uow.session)
    old = await contracts.get(contract_id, lock=True)
    if old.renewed_by is not None:
        raise Conflict(
            f"Contract {old.contract_no} has been renewed already.",
            renewed_by=str(old.renewed_by),
        )
    starts_on = old.ends_on + timedelta(days=1)
    ends_on = cmd.ends_on or starts_on + (old.ends_on - old.starts_on)
    products = await contracts.products(old.id)
    row = await create_contract(
        uow,
        NewContract(
            contract_no=cmd.contract_no,
            customer_id=old.customer_id,
            product_ids=products,
            starts_on=starts_on,
            ends_on=ends_on,
            covers_labour=old.covers_labour,
            covers_parts=old.covers_parts,
            covers_travel=old.covers_travel,
            visits_included=(
                cmd.visits_included if cmd.visits_included is not None else old.visits_included
            ),
            fee=cmd.fee if cmd.fee is not None else old.fee,
            currency=old.currency,
            schedule=cmd.schedule or old.schedule,
            maintenance_visits_per_year=(
                cmd.maintenance_visits_per_year
                if cmd.maintenance_visits_per_year is not None
                else old.maintenance_visits_per_year
            ),
        ),
        policy=policy,
        renewed_from=old.id,
    )
    now = uow.now()
    old.renewed_by = row.id
    old.version += 1
    old.updated_at = now
    uow.publish(
        billing.ContractRenewed(
            contract_id=row.id,
            contract_no=row.contract_no,
            renewed_from=old.id,
            customer_id=row.customer_id,
            starts_on=row.starts_on,
            ends_on=row.ends_on,
            renewed_at=now,
        ),
        aggregate_id=row.id,
        aggregate_version=row.version,
    )
    return row


async def invoice_contracts(db: Database, policy: BillingPolicy, *, limit: int = 100) -> int:
    """Invoice each contract's fee period that has begun, as of the service's clock (one period
    per contract per pass; a contract behind by several periods catches up pass by pass). A
    period invoiced moves the contract's ``next_invoice_on`` on, so it is never invoiced twice."""
    today = db.clock.now().astimezone(policy.tz).date()
    due = select(ContractRow).where(ContractRow.next_invoice_on <= today)

    async def invoice(uow: UnitOfWork, contract: ContractRow) -> None:
        await _invoice_next_period(uow, contract, policy)

    return await claim_due(db, due, invoice, limit=limit)


async def _invoice_next_period(
    uow: UnitOfWork, contract: ContractRow, policy: BillingPolicy
) -> None:
    assert contract.next_invoice_on is not None
    periods = fee_periods(contract.starts_on, contract.ends_on, contract.schedule)
    if contract.schedule == "once":
        period, following = periods[0], None
    else:
        index = next(i for i, p in enumerate(periods) if p.starts_on == contract.next_invoice_on)
        period = periods[index]
        following = periods[index + 1].starts_on if index + 1 < len(periods) else None
    now = uow.now()
    year = now.astimezone(policy.tz).year
    seq = await DocumentRepository(uow.session).next_number("contract_invoice", year)
    invoice = ContractInvoiceRow(
        id=uuid.uuid4(),
        number=document_number("contract_invoice", year, seq),
        contract_id=contract.id,
        period_start=period.starts_on,
        period_end=period.ends_on,
        amount=contract.fee,
        currency=contract.currency,
        paid_total=0,
        status="open",
        issued_at=now,
        version=1,
    )
    ContractRepository(uow.session).add_invoice(invoice)
    contract.next_invoice_on = following
    contract.version += 1
    contract.updated_at = now
    uow.publish(
        billing.ContractInvoiced(
            contract_id=contract.id,
            contract_no=contract.contract_no,
            customer_id=contract.customer_id,
            invoice_id=invoice.id,
            invoice_number=invoice.number,
            period_start=period.starts_on,
            period_end=period.ends_on,
            amount=Money(amount=invoice.amount, currency=invoice.currency),
            issued_at=now,
        ),
        aggregate_id=contract.id,
        aggregate_version=contract.version,
    )


async def announce_expiring(db: Database, policy: BillingPolicy, *, limit: int = 100) -> int:
    """``billing.contract.expiring.v1`` once per contract, N days before its last day (as of the
    service's clock), unless it has been renewed. A contract announced is marked so, and never
    announced again, however the clock moves."""
    today = db.clock.now().astimezone(policy.tz).date()
    due = select(ContractRow).where(
        ContractRow.expiring_notified_at.is_(None),
        ContractRow.renewed_by.is_(None),
        ContractRow.ends_on >= today,
        ContractRow.ends_on <= today + timedelta(days=policy.contract_expiring_days),
    )

    async def notify(uow: UnitOfWork, contract: ContractRow) -> None:
        now = uow.now()
        contract.expiring_notified_at = now
        contract.version += 1
        contract.updated_at = now
        uow.publish(
            billing.ContractExpiring(
                contract_id=contract.id,
                contract_no=contract.contract_no,
                customer_id=contract.customer_id,
                ends_on=contract.ends_on,
                noticed_at=now,
            ),
            aggregate_id=contract.id,
            aggregate_version=contract.version,
        )

    return await claim_due(db, due, notify, limit=limit)


async def request_planned_visits(db: Database, policy: BillingPolicy, *, limit: int = 100) -> int:
    """Ask intake to open the ticket of each planned visit due within the lead time (as of the
    service's clock). A visit asked for is marked so, and never asked for twice."""
    today = db.clock.now().astimezone(policy.tz).date()
    due = (
        select(PlannedVisitRow)
        .where(
            PlannedVisitRow.requested_at.is_(None),
            PlannedVisitRow.due_on <= today + timedelta(days=policy.maintenance_lead_days),
        )
        .order_by(PlannedVisitRow.due_on)
    )

    async def request(uow: UnitOfWork, visit: PlannedVisitRow) -> None:
        contract = await ContractRepository(uow.session).get(visit.contract_id)
        product = await uow.session.get(ProductFactsRow, visit.product_id)
        visit.requested_at = uow.now()
        uow.publish(
            billing.MaintenanceVisitDue(
                visit_id=visit.id,
                contract_id=contract.id,
                contract_no=contract.contract_no,
                customer_id=contract.customer_id,
                product_id=visit.product_id,
                visit_no=visit.visit_no,
                visits_planned=len(
                    maintenance_dates(
                        contract.starts_on, contract.ends_on, contract.maintenance_visits_per_year
                    )
                ),
                due_on=visit.due_on,
                tenant_id=product.tenant_id if product else None,
            ),
            aggregate_id=contract.id,
            aggregate_version=contract.version,
        )

    return await claim_due(db, due, request, limit=limit)


async def pay_contract_invoice(
    uow: UnitOfWork, invoice_id: uuid.UUID, cmd: Payment, *, actor: str
) -> ContractInvoiceRow:
    contracts = ContractRepository(uow.session)
    invoice = await contracts.invoice(invoice_id, lock=True)
    check_payment(
        "invoice",
        cmd,
        left=invoice.amount - invoice.paid_total,
        currency=invoice.currency,
        status=invoice.status,
    )
    now = uow.now()
    contracts.add_payment(
        ContractPaymentRow(
            id=uuid.uuid4(),
            contract_invoice_id=invoice.id,
            method=cmd.method,
            amount=cmd.amount,
            recorded_by=actor,
            paid_at=now,
        )
    )
    invoice.paid_total += cmd.amount
    invoice.status = "paid" if invoice.paid_total == invoice.amount else "open"
    invoice.version += 1
    await uow.session.flush()
    return invoice


async def _check_products(uow: UnitOfWork, cmd: NewContract) -> None:
    """Every product must be one intake registered, of the contract's customer, still held."""
    rows = await uow.session.scalars(
        select(ProductFactsRow).where(ProductFactsRow.product_id.in_(cmd.product_ids))
    )
    known = {r.product_id: r for r in rows}
    for product_id in cmd.product_ids:
        product = known.get(product_id)
        if product is None:
            raise Unprocessable(
                f"Product {product_id} is not a registered product "
                "(register it in intake first; billing hears of it within seconds).",
                product_id=str(product_id),
            )
        if product.customer_id != cmd.customer_id:
            raise Unprocessable(
                f"Product {product_id} belongs to another customer.", product_id=str(product_id)
            )
        if product.deregistered:
            raise Unprocessable(
                f"Product {product_id} was refunded and is no longer registered.",
                product_id=str(product_id),
            )
