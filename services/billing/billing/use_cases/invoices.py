"""Invoices and credit notes: numbered gapless per year, never changed once issued."""

from __future__ import annotations

import uuid

from aftersales.database import Database
from aftersales.errors import Conflict, Unprocessable
from aftersales.unit_of_work import UnitOfWork
from billing.adapters.repositories.charges import ChargeRepository
from billing.adapters.repositories.documents import DocumentRepository
from billing.adapters.repositories.scope import Scope
from billing.adapters.tables.charges import ChargeRow
from billing.adapters.tables.documents import CreditNoteRow, InvoiceRow
from billing.domain.charges import balance
from billing.domain.late_reports import pending as late_report_pending
from billing.domain.money import yuan
from billing.domain.numbering import document_number
from billing.use_cases.payments import settle_status
from billing.use_cases.policy import BillingPolicy


async def invoice_charge(
    uow: UnitOfWork,
    charge_id: uuid.UUID,
    *,
    actor: str,
    policy: BillingPolicy,
    automatic: bool = False,
    scope: Scope = Scope(),
) -> InvoiceRow:
    charges = ChargeRepository(uow.session)
    charge = await charges.get(charge_id, scope=scope, lock=True)
    return await _invoice(uow, charge, actor=actor, automatic=automatic, policy=policy)


async def invoice_now(
    uow: UnitOfWork, charge: ChargeRow, *, actor: str, policy: BillingPolicy
) -> InvoiceRow:
    """Invoice a charge (locked by the caller) at once, as the system does."""
    return await _invoice(uow, charge, actor=actor, automatic=True, policy=policy)


async def _invoice(
    uow: UnitOfWork, charge: ChargeRow, *, actor: str, automatic: bool, policy: BillingPolicy
) -> InvoiceRow:
    if charge.invoice_id is not None:
        raise Conflict("This charge has been invoiced already.", invoice_id=str(charge.invoice_id))
    if charge.held_reason is not None:
        raise Conflict(
            "This charge is held until finance releases it.", held_reason=charge.held_reason
        )
    amount = charge.customer_total - charge.credited
    if amount <= 0:
        raise Conflict("There is nothing to invoice on this charge.", charge_status=charge.status)
    now = uow.now()
    year = now.astimezone(policy.tz).year
    docs = DocumentRepository(uow.session)
    seq = await docs.next_number("invoice", year)
    invoice = InvoiceRow(
        id=uuid.uuid4(),
        number=document_number("invoice", year, seq),
        year=year,
        seq=seq,
        charge_id=charge.id,
        amount=amount,
        currency=charge.currency,
        automatic=automatic,
        paid=balance(charge.customer_total, charge.credited, charge.paid_total) <= 0,
        issued_by=actor,
        issued_at=now,
    )
    docs.add_invoice(invoice)
    charge.invoice_id = invoice.id
    charge.auto_invoice_at = None
    charge.version += 1
    charge.updated_at = now
    await uow.session.flush()
    return invoice


async def invoice_due(db: Database, policy: BillingPolicy, *, limit: int = 100) -> int:
    """The same-day invoice: every charge with something to invoice at its ``auto_invoice_at``
    (as of the service's clock) — one paid on site too, its invoice marked paid (document §十).
    An invoiced charge has no ``auto_invoice_at`` any more, so it is never invoiced twice."""
    done = 0
    skipped: list[uuid.UUID] = []
    while done + len(skipped) < limit:
        async with db.uow() as uow:
            charge = await ChargeRepository(uow.session).due_for_auto_invoice(uow.now(), skipped)
            if charge is None:
                break
            if charge.customer_total - charge.credited <= 0:
                charge.auto_invoice_at = None  # credited in full meanwhile: nothing to invoice
            else:
                await _invoice(uow, charge, actor="billing", automatic=True, policy=policy)
                done += 1
            skipped.append(charge.id)
            await uow.commit()
    return done


async def issue_credit_note(
    uow: UnitOfWork,
    charge_id: uuid.UUID,
    *,
    amount: int,
    currency: str,
    reason: str,
    actor: str,
    policy: BillingPolicy,
) -> CreditNoteRow:
    charge = await ChargeRepository(uow.session).get(charge_id, lock=True)
    not_pending(charge)
    if currency != charge.currency:
        raise Unprocessable(f"The charge is in {charge.currency}, not {currency}.")
    return await credit(uow, charge, amount=amount, reason=reason, actor=actor, policy=policy)


async def credit(
    uow: UnitOfWork,
    charge: ChargeRow,
    *,
    amount: int,
    reason: str,
    actor: str,
    policy: BillingPolicy,
) -> CreditNoteRow:
    """A credit note against a charge (locked by the caller): what the customer no longer
    owes, numbered gapless, naming the invoice it corrects."""
    creditable = charge.customer_total - charge.credited
    if amount > creditable:
        raise Unprocessable(
            f"At most {yuan(creditable)} {charge.currency} can still be credited.",
            creditable={"amount": max(creditable, 0), "currency": charge.currency},
        )
    now = uow.now()
    year = now.astimezone(policy.tz).year
    docs = DocumentRepository(uow.session)
    seq = await docs.next_number("credit_note", year)
    note = CreditNoteRow(
        id=uuid.uuid4(),
        number=document_number("credit_note", year, seq),
        charge_id=charge.id,
        invoice_id=charge.invoice_id,
        amount=amount,
        currency=charge.currency,
        reason=reason,
        issued_by=actor,
        issued_at=now,
    )
    docs.add_credit_note(note)
    charge.credited += amount
    payments = await ChargeRepository(uow.session).payments(charge.id)
    settle_status(uow, charge, now=now, method=payments[-1].method if payments else None)
    await uow.session.flush()
    return note


def not_pending(charge: ChargeRow) -> None:
    """A charge held for a late report is corrected (a credit note, an overturned exclusion, a
    waived compensation) only after finance chose the times it stands on: a release on the
    received times replaces what a correction would correct, and a credit note given before it
    could leave a customer who paid nothing owed money."""
    if late_report_pending(charge.late_report):
        raise Conflict(
            "This charge is held for a late report: release it on the reported or the received "
            "times first (POST /v1/charges/{id}/release).",
            charge_id=str(charge.id),
        )
